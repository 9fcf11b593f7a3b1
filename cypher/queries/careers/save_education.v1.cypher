// name: careers.save_education
// version: 1
// mode: write
// params: person_id (string), id (string), organization_id (string), fields (map), now (datetime)
// returns: one row when the person and school exist: id. The education entry with this id (a new
//   one when there is none) now links the person to the school, with exactly fields (degree,
//   field, start, end; months as year * 12 + month - 1): an edit that moves it to another school
//   replaces the relationship, keeping id and created_at
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', id: 'edu-1', organization_id: 'demo-org-tu', fields: {degree: 'MSc', start: 24200, end: 24224}, now: datetime()}
MATCH (p:Person {id: $person_id}), (o:Organization {id: $organization_id})
OPTIONAL MATCH (p)-[old:STUDIED_AT {id: $id}]->(:Organization)
WITH p, o, old, coalesce(old.created_at, $now) AS created_at
CALL (old) {
  WITH old WHERE old IS NOT NULL
  DELETE old
}
CREATE (p)-[s:STUDIED_AT]->(o)
SET s = $fields, s.id = $id, s.created_at = created_at, s.updated_at = $now
RETURN s.id AS id
