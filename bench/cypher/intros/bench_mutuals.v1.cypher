// name: intros.bench_mutuals
// version: 1
// mode: read
// params: a_id (string), b_id (string)
// returns: one row per connection shared by a and b: id, ordered by id
// example params (cypher-shell / Browser): :params {a_id: 'g1', b_id: 'g2'}
MATCH (:Person {id: $a_id})-[:CONNECTED_TO]-(m:Person)-[:CONNECTED_TO]-(:Person {id: $b_id})
RETURN m.id AS id
ORDER BY id
