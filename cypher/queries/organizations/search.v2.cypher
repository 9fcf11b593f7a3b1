// name: organizations.search
// version: 2
// mode: read
// params: words (string), prefix (string), kind (string), candidates (int), limit (int)
// returns: up to limit rows, the typeahead: organization ({id, kind, name, domain, aliases}) and
//   people (how many positions and education entries are or were there: the node's relationship
//   count, read without a scan; v1 counted the same by expanding them). Candidates are the first
//   `candidates` hits of the full-text index organization_names for words (a Lucene query: each
//   folded word of the input as a prefix, all required, e.g. 'north* lab*'); of the kind (null:
//   any). Best first: the folded name starting with prefix, then more people, then the index's
//   score, then name and id
// example params (cypher-shell / Browser): :params {words: 'north*', prefix: 'north', kind: null, candidates: 100, limit: 10}
CALL db.index.fulltext.queryNodes('organization_names', $words, {limit: $candidates})
YIELD node AS o, score
WHERE $kind IS NULL OR o.kind = $kind
WITH o, score, COUNT { (o)<-[:WORKED_AT|STUDIED_AT]-() } AS people
ORDER BY o.name_key STARTS WITH $prefix DESC, people DESC, score DESC, o.name, o.id
LIMIT $limit
RETURN o {.id, .kind, .name, .domain, .aliases} AS organization, people
