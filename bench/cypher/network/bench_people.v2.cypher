// name: network.bench_people
// version: 2
// mode: read
// params: hub_degree (int), sample (int)
// returns: one row, the people the discovery benchmark measures: hub_id, hub_degree (the person
//   whose number of connections is closest to hub_degree, then lowest id) and median_id,
//   median_degree, median_reach (among up to `sample` people with the median number of connections,
//   the one whose connections have the median total of connections).
// v2: ids instead of nodes between the subqueries and the median from percentileDisc, so that at
// 1,000,000 people it stays within the transaction memory limit (v1 did not, even with a 4g heap).
// example params (cypher-shell / Browser): :params {hub_degree: 1700, sample: 201}
CALL () {
  MATCH (p:Person)
  WITH p, COUNT { (p)-[:CONNECTED_TO]-() } AS degree
  ORDER BY abs(degree - $hub_degree), p.id
  LIMIT 1
  RETURN p.id AS hub_id, degree AS hub_degree
}
CALL () {
  MATCH (p:Person)
  RETURN percentileDisc(COUNT { (p)-[:CONNECTED_TO]-() }, 0.5) AS median_degree
}
CALL (median_degree) {
  MATCH (p:Person)
  WHERE COUNT { (p)-[:CONNECTED_TO]-() } = median_degree
  WITH p ORDER BY p.id LIMIT $sample
  CALL (p) {
    MATCH (p)-[:CONNECTED_TO]-(f)
    RETURN sum(COUNT { (f)-[:CONNECTED_TO]-() }) AS reach
  }
  WITH p, reach ORDER BY reach, p.id
  WITH collect({id: p.id, reach: reach}) AS candidates
  RETURN candidates[size(candidates) / 2] AS median
}
RETURN hub_id, hub_degree, median.id AS median_id, median_degree,
       median.reach AS median_reach
