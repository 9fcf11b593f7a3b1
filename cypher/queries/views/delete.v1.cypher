// name: views.delete
// version: 1
// mode: write
// params: person_id (string)
// returns: one row: deleted (how many parts). Run in the transaction that deletes the person.
// example params (cypher-shell / Browser): :params {person_id: '107'}
OPTIONAL MATCH (v:NetworkView {person_id: $person_id})
DELETE v
RETURN count(v) AS deleted
