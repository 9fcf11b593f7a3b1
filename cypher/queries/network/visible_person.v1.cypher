// name: network.visible_person
// version: 1
// mode: read
// params: person_id (string), other_id (string)
// returns: one row (id) when other_id exists and neither of the two blocked the other; none
//   otherwise (the API answers 404 alike for "absent" and "blocked").
// example params (cypher-shell / Browser): :params {person_id: '107', other_id: '1912'}
MATCH (me:Person {id: $person_id}), (other:Person {id: $other_id})
WHERE NOT EXISTS { (me)-[:BLOCKED]-(other) }
RETURN other.id AS id
