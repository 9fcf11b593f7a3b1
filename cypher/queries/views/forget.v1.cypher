// name: views.forget
// version: 1
// mode: write
// params: person_id (string)
// returns: one row: deleted (how many parts of the person's own view were deleted), outdated (how
//   many parts of their connections' views are now outdated). Run in the transaction that deletes
//   or erases the person, before their connections go: the views that counted them as a mutual are
//   recomputed on their next read instead of being maintained by deltas.
// example params (cypher-shell / Browser): :params {person_id: '107'}
CALL () {
  OPTIONAL MATCH (:Person {id: $person_id})-[:CONNECTED_TO]-(f:Person)
  OPTIONAL MATCH (v:NetworkView {person_id: f.id})
  SET v.version = -1
  RETURN count(v) AS outdated
}
CALL () {
  OPTIONAL MATCH (v:NetworkView {person_id: $person_id})
  DELETE v
  RETURN count(v) AS deleted
}
RETURN deleted, outdated
