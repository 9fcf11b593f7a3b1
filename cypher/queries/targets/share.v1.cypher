// name: targets.share
// version: 1
// mode: write
// params: person_id (string), coach_id (string), now (datetime)
// returns: at most one row, when coach_id is a 1st connection of person_id and no block stands
//   between them: created (false when the board was shared with them already), since. Run after
//   targets.lock in the same transaction (one share per pair, even under races).
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', coach_id: 'demo-ben', now: datetime()}
MATCH (me:Person {id: $person_id})-[:CONNECTED_TO]-(coach:Person {id: $coach_id})
WHERE NOT EXISTS { (me)-[:BLOCKED]-(coach) }
OPTIONAL MATCH (me)-[existing:SHARES_BOARD]->(coach)
CALL (me, coach, existing) {
  WITH me, coach WHERE existing IS NULL
  CREATE (me)-[s:SHARES_BOARD {since: $now}]->(coach)
  RETURN s
  UNION
  WITH existing WHERE existing IS NOT NULL
  RETURN existing AS s
}
RETURN existing IS NULL AS created, s.since AS since
