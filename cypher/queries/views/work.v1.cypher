// name: views.work
// version: 1
// mode: read
// params: person_id (string)
// returns: at most one row: work = the sum of the person's connections' connections, the number of
//   2-hop rows a live discovery query reads (a person at or above the view threshold gets a network
//   view). Degrees come from the relationship counts of each connection, so this costs one read per
//   connection, not the 2-hop neighbourhood.
// example params (cypher-shell / Browser): :params {person_id: '107'}
MATCH (me:Person {id: $person_id})
OPTIONAL MATCH (me)-[:CONNECTED_TO]-(f)
RETURN coalesce(sum(COUNT { (f)-[:CONNECTED_TO]-() }), 0) AS work
