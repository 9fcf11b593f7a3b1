// name: network.naive_mutual
// version: 1
// mode: read
// params: person_id (string), other_id (string), limit (int)
// returns: the benchmark's baseline for mutual connections, as tutorials write it (the planner's
//   own choice, no join): id, in name order. Ignores blocks. Use network.mutual.
// example params (cypher-shell / Browser): :params {person_id: '107', other_id: '1912', limit: 20}
MATCH (me:Person {id: $person_id})-[:CONNECTED_TO]-(m:Person)-[:CONNECTED_TO]-(other:Person {id: $other_id})
RETURN m.id AS id
ORDER BY m.name_lower, m.id
LIMIT $limit
