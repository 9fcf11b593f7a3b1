// name: network.bench_light_person
// version: 1
// mode: read
// params: max_degree (int), hub_degree (int), min_work (int), max_work (int)
// returns: at most one row: id, degree, work (2-hop work, as views.work) and hubs (connections
//   with hub_degree or more): among the people with at most max_degree connections, one of them a
//   hub, whose 2-hop work is at least min_work and below max_work, the one with the median work
//   (then lowest id). A light person next to hubs: a handful of connections, a hub's worth of
//   2-hop work (the views benchmark).
// example params (cypher-shell / Browser): :params {max_degree: 6, hub_degree: 1000, min_work: 2000, max_work: 5000}
MATCH (p:Person)
WHERE COUNT { (p)-[:CONNECTED_TO]-() } <= $max_degree
CALL (p) {
  MATCH (p)-[:CONNECTED_TO]-(f)
  WITH f, COUNT { (f)-[:CONNECTED_TO]-() } AS theirs
  RETURN count(f) AS degree, sum(theirs) AS work,
         count(CASE WHEN theirs >= $hub_degree THEN f END) AS hubs
}
WITH p, degree, work, hubs
WHERE hubs > 0 AND $min_work <= work < $max_work
WITH p, degree, work, hubs ORDER BY work, p.id
WITH collect({id: p.id, degree: degree, work: work, hubs: hubs}) AS candidates
WHERE size(candidates) > 0
WITH candidates[size(candidates) / 2] AS light
RETURN light.id AS id, light.degree AS degree, light.work AS work, light.hubs AS hubs
