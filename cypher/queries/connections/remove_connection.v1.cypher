// name: connections.remove_connection
// version: 1
// mode: write
// params: person_id (string), other_id (string)
// returns: one row: removed (0 or 1). The closeness ratings between the two go with it.
// example params (cypher-shell / Browser): :params {person_id: '1', other_id: '2'}
MATCH (me:Person {id: $person_id}), (other:Person {id: $other_id})
OPTIONAL MATCH (me)-[c:CONNECTED_TO]-(other)
CALL (me, other) {
  MATCH (me)-[k:CLOSENESS]-(other)
  DELETE k
}
DELETE c
RETURN count(c) AS removed
