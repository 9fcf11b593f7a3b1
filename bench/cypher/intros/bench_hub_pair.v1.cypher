// name: intros.bench_hub_pair
// version: 1
// mode: read
// params: ids (list of string)
// returns: at most one row (a_id, b_id, mutuals): the two people among ids, not connected to each
//   other, who share the most connections (the benchmark's pair)
// example params (cypher-shell / Browser): :params {ids: ['g1', 'g2', 'g3']}
UNWIND $ids AS a_id
UNWIND $ids AS b_id
WITH a_id, b_id
WHERE a_id < b_id
MATCH (a:Person {id: a_id}), (b:Person {id: b_id})
WHERE NOT EXISTS { (a)-[:CONNECTED_TO]-(b) }
WITH a_id, b_id, COUNT { (a)-[:CONNECTED_TO]-(:Person)-[:CONNECTED_TO]-(b) } AS mutuals
ORDER BY mutuals DESC, a_id, b_id
LIMIT 1
RETURN a_id, b_id, mutuals
