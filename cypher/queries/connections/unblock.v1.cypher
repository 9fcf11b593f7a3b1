// name: connections.unblock
// version: 1
// mode: write
// params: person_id (string), other_id (string)
// returns: one row: unblocked (0 or 1). Restores nothing that the block removed.
// example params (cypher-shell / Browser): :params {person_id: '1', other_id: '2'}
OPTIONAL MATCH (:Person {id: $person_id})-[b:BLOCKED]->(:Person {id: $other_id})
DELETE b
RETURN count(b) AS unblocked
