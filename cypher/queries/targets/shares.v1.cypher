// name: targets.shares
// version: 1
// mode: read
// params: person_id (string)
// returns: one row per person the board is shared with, by name: person (summary), since, active
//   (they are still a 1st connection and no block stands between the two: only then can they
//   read it)
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada'}
MATCH (me:Person {id: $person_id})-[s:SHARES_BOARD]->(coach:Person)
RETURN coach {.id, .name, .headline, .location, .industry, .profession} AS person,
       s.since AS since,
       EXISTS { (me)-[:CONNECTED_TO]-(coach) } AND NOT EXISTS { (me)-[:BLOCKED]-(coach) }
         AS active
ORDER BY coach.name_lower, coach.id
