// name: careers.delete_position
// version: 1
// mode: write
// params: person_id (string), id (string)
// returns: one row: deleted (how many positions with this id the person had: 0 or 1)
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', id: 'pos-1'}
OPTIONAL MATCH (:Person {id: $person_id})-[w:WORKED_AT {id: $id}]->(:Organization)
DELETE w
RETURN count(w) AS deleted
