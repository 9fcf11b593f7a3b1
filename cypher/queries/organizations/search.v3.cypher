// name: organizations.search
// version: 3
// mode: read
// params: token_hash (string), now (datetime), ttl_days (int), words (string), prefix (string),
//   kind (string), candidates (int), limit (int)
// returns: the typeahead of the API in one statement (one round trip): the caller of the
//   token, then the hits. No row when no token has this hash; else one row: caller_id, expired,
//   stale (as auth.person_for_token v3) and organizations: [] when the token expired, else up to
//   limit maps, the rows of v2: organization ({id, kind, name, domain, aliases}) and people (how
//   many positions and education entries are or were there: the node's relationship count,
//   read without a scan). Candidates are the first `candidates` hits of the full-text index
//   organization_names for words (a Lucene query: each folded word of the input as a prefix,
//   all required, e.g. 'north* lab*'); of the kind (null: any). Best first: the folded name
//   starting with prefix, then more people, then the index's score, then name and id
// example params (cypher-shell / Browser): :params {token_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', now: datetime(), ttl_days: 90, words: 'north*', prefix: 'north', kind: null, candidates: 100, limit: 10}
MATCH (t:Token {hash: $token_hash})-[:AUTHENTICATES]->(me:Person)
WITH me, coalesce(t.last_used_at, t.created_at) AS used
WITH me, used + duration({days: $ttl_days}) <= $now AS expired,
     used + duration({days: 1}) <= $now AS stale
CALL (expired) {
  WITH expired WHERE NOT expired
  CALL db.index.fulltext.queryNodes('organization_names', $words, {limit: $candidates})
  YIELD node AS o, score
  WHERE $kind IS NULL OR o.kind = $kind
  WITH o, score, COUNT { (o)<-[:WORKED_AT|STUDIED_AT]-() } AS people
  ORDER BY o.name_key STARTS WITH $prefix DESC, people DESC, score DESC, o.name, o.id
  LIMIT $limit
  RETURN collect({organization: o {.id, .kind, .name, .domain, .aliases}, people: people})
           AS organizations
}
RETURN me.id AS caller_id, expired, stale, organizations
