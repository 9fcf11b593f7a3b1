// name: intros.bench_hubs
// version: 1
// mode: read
// params: degree (int), candidates (int)
// returns: up to candidates rows (id, degree): the people whose number of connections is closest to
//   degree (the benchmark's hubs)
// example params (cypher-shell / Browser): :params {degree: 1700, candidates: 30}
MATCH (p:Person)
WITH p, COUNT { (p)-[:CONNECTED_TO]-() } AS degree
ORDER BY abs(degree - $degree), p.id
LIMIT $candidates
RETURN p.id AS id, degree
