// name: network.bench_people
// version: 1
// mode: read
// params: hub_degree (int), sample (int)
// returns: one row, the people the discovery benchmark measures: hub_id, hub_degree (the
//   person whose number of connections is closest to hub_degree, then lowest id) and
//   median_id, median_degree, median_reach (among up to `sample` people with the median number
//   of connections, the one whose connections have the median total of connections).
// example params (cypher-shell / Browser): :param hub_degree => 1700; :param sample => 201;
MATCH (p:Person)
WITH p, COUNT { (p)-[:CONNECTED_TO]-() } AS degree
WITH collect({person: p, degree: degree}) AS everyone
WITH everyone,
     [row IN everyone | row.degree] AS degrees
CALL (everyone, degrees) {
  UNWIND everyone AS row
  WITH row ORDER BY abs(row.degree - $hub_degree), row.person.id
  LIMIT 1
  RETURN row.person AS hub, row.degree AS hub_degree
}
CALL (everyone, degrees) {
  UNWIND degrees AS degree
  WITH degree ORDER BY degree
  WITH collect(degree) AS ordered
  RETURN ordered[size(ordered) / 2] AS median_degree
}
CALL (everyone, median_degree) {
  UNWIND everyone AS row
  WITH row WHERE row.degree = median_degree
  WITH row.person AS p ORDER BY p.id LIMIT $sample
  CALL (p) {
    MATCH (p)-[:CONNECTED_TO]-(f)
    RETURN sum(COUNT { (f)-[:CONNECTED_TO]-() }) AS reach
  }
  WITH p, reach ORDER BY reach, p.id
  WITH collect({id: p.id, reach: reach}) AS candidates
  RETURN candidates[size(candidates) / 2] AS median
}
RETURN hub.id AS hub_id, hub_degree, median.id AS median_id, median_degree,
       median.reach AS median_reach
