// name: intros.broker_target
// version: 1
// mode: read
// params: person_id (string), target_id (string)
// returns: at most one row (id, name) for the target person, none when there is no such person or
//   the two blocked each other (either way)
// example params (cypher-shell / Browser): :params {person_id: '1', target_id: '3'}
MATCH (me:Person {id: $person_id}), (t:Person {id: $target_id})
WHERE NOT EXISTS { (me)-[:BLOCKED]-(t) }
RETURN t.id AS id, t.name AS name
