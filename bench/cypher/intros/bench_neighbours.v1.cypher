// name: intros.bench_neighbours
// version: 1
// mode: read
// params: person_id (string), limit (int)
// returns: up to limit ids of person_id's connections, by id (the benchmark draws requesters and
//   targets from them)
// example params (cypher-shell / Browser): :params {person_id: 'g1', limit: 10}
MATCH (:Person {id: $person_id})-[:CONNECTED_TO]-(n:Person)
RETURN n.id AS id
ORDER BY id
LIMIT $limit
