// name: views.top_people
// version: 1
// mode: read
// params: top (int), threshold (int)
// returns: the top people of the degree distribution whose 2-hop work (the sum of their
//   connections' connections) reaches threshold, at most top of them: id, degree, work; most
//   connections first (then id). Degrees come from relationship counts (one read per person);
//   the work is read only for the people at the top, until top of them qualify. An operator's
//   query (mutuals views refresh --all-heavy, run after a seed load), not a request's.
// example params (cypher-shell / Browser): :params {top: 100, threshold: 1000}
MATCH (me:Person)
WITH me, COUNT { (me)-[:CONNECTED_TO]-() } AS degree
ORDER BY degree DESC, me.id
CALL (me) {
  MATCH (me)-[:CONNECTED_TO]-(f)
  RETURN sum(COUNT { (f)-[:CONNECTED_TO]-() }) AS work
}
WITH me, degree, work
WHERE work >= $threshold
RETURN me.id AS id, degree, work
LIMIT $top
