// name: careers.delete_education
// version: 1
// mode: write
// params: person_id (string), id (string)
// returns: one row: deleted (how many education entries with this id the person had: 0 or 1)
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', id: 'edu-1'}
OPTIONAL MATCH (:Person {id: $person_id})-[s:STUDIED_AT {id: $id}]->(:Organization)
DELETE s
RETURN count(s) AS deleted
