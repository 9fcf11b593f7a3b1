// name: targets.shared_with
// version: 1
// mode: read
// params: coach_id (string)
// returns: one row per seeker who shares their board with coach_id and can be read now (still
//   1st connections, no block between them), by name: person (summary), since, targets (how
//   many organizations are on the board)
// example params (cypher-shell / Browser): :params {coach_id: 'demo-ben'}
MATCH (coach:Person {id: $coach_id})<-[s:SHARES_BOARD]-(seeker:Person)
WHERE EXISTS { (seeker)-[:CONNECTED_TO]-(coach) } AND NOT EXISTS { (seeker)-[:BLOCKED]-(coach) }
RETURN seeker {.id, .name, .headline, .location, .industry, .profession} AS person,
       s.since AS since, COUNT { (seeker)-[:TARGETS]->(:Organization) } AS targets
ORDER BY seeker.name_lower, seeker.id
