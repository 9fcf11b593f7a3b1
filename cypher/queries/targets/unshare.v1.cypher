// name: targets.unshare
// version: 1
// mode: write
// params: person_id (string), coach_id (string)
// returns: one row: revoked (0 or 1)
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', coach_id: 'demo-ben'}
OPTIONAL MATCH (:Person {id: $person_id})-[s:SHARES_BOARD]->(:Person {id: $coach_id})
DELETE s
RETURN count(s) AS revoked
