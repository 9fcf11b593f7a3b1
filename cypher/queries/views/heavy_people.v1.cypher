// name: views.heavy_people
// version: 1
// mode: read
// params: threshold (int)
// returns: one row per person whose 2-hop work (the sum of their connections' connections) is at
//   least threshold: id, work; most work first. Reads every connection twice: an operator's query
//   (mutuals views refresh --all-heavy), not a request's.
// example params (cypher-shell / Browser): :params {threshold: 20000}
MATCH (me:Person)
CALL (me) {
  MATCH (me)-[:CONNECTED_TO]-(f)
  RETURN sum(COUNT { (f)-[:CONNECTED_TO]-() }) AS work
}
WITH me, work
WHERE work >= $threshold
RETURN me.id AS id, work
ORDER BY work DESC, id
