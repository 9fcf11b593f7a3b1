// name: network.mutual
// version: 2
// mode: read
// params: token_hash (string), now (datetime), ttl_days (int), other_id (string), after_name
//   (string), after_id (string), limit (int)
// returns: the mutuals page of the API in one statement (one round trip): the caller of the
//   token, whether other_id is there for them, and the connections the two share. No row when
//   no token has this hash; else one row: caller_id, expired, stale (as auth.person_for_token
//   v3), visible (other_id exists, is not the caller, and no block stands between the two;
//   false when the token expired) and mutuals: when visible, the page of network.mutual v1 as
//   maps ({id, name, name_lower, headline, location, industry, profession}), else []
// example params (cypher-shell / Browser): :params {token_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', now: datetime(), ttl_days: 90, other_id: '1912', after_name: '', after_id: '', limit: 21}
MATCH (t:Token {hash: $token_hash})-[:AUTHENTICATES]->(me:Person)
WITH me, coalesce(t.last_used_at, t.created_at) AS used
WITH me, used + duration({days: $ttl_days}) <= $now AS expired,
     used + duration({days: 1}) <= $now AS stale
OPTIONAL MATCH (other:Person {id: $other_id})
WHERE NOT expired AND other <> me AND NOT EXISTS { (me)-[:BLOCKED]-(other) }
CALL (me, other) {
  WITH me, other WHERE other IS NOT NULL
  CALL (me) {
    OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
    RETURN collect(b) AS blocked
  }
  // Each side's connections read once, whatever their degrees: the caller's, past the cursor
  // and the blocks, as a set that the other's are checked against. (A hash join, as in v1,
  // here filtered the larger side: twice the property reads at a hub.)
  CALL (me, blocked) {
    MATCH (me)-[:CONNECTED_TO]-(m)
    WHERE NOT m IN blocked AND [m.name_lower, m.id] > [$after_name, $after_id]
    RETURN collect(m) AS mine
  }
  MATCH (other)-[:CONNECTED_TO]-(m)
  WHERE m IN mine
  WITH m
  ORDER BY m.name_lower, m.id
  LIMIT $limit
  RETURN collect(m {.id, .name, .name_lower, .headline, .location, .industry, .profession})
           AS mutuals
}
RETURN me.id AS caller_id, expired, stale, other IS NOT NULL AS visible, mutuals
