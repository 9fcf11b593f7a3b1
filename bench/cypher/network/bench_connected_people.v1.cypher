// name: network.bench_connected_people
// version: 1
// mode: read
// params: min_degree (int)
// returns: one row per person with at least min_degree connections: id, degree; by id. The
//   benchmarks draw their people from these.
// example params (cypher-shell / Browser): :params {min_degree: 2}
MATCH (p:Person)
WITH p, COUNT { (p)-[:CONNECTED_TO]-() } AS degree
WHERE degree >= $min_degree
RETURN p.id AS id, degree
ORDER BY id
