// name: careers.save_position
// version: 1
// mode: write
// params: person_id (string), id (string), organization_id (string), fields (map), now (datetime)
// returns: one row when the person and organization exist: id. The position with this id (a new
//   one when there is none) now links the person to the organization, with exactly fields (title,
//   start, end, location, description; months as year * 12 + month - 1): an edit that moves it to
//   another organization replaces the relationship, keeping id and created_at
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', id: 'pos-1', organization_id: 'demo-org-northwind', fields: {title: 'Engineer', start: 24279, end: null}, now: datetime()}
MATCH (p:Person {id: $person_id}), (o:Organization {id: $organization_id})
OPTIONAL MATCH (p)-[old:WORKED_AT {id: $id}]->(:Organization)
WITH p, o, old, coalesce(old.created_at, $now) AS created_at
CALL (old) {
  WITH old WHERE old IS NOT NULL
  DELETE old
}
CREATE (p)-[w:WORKED_AT]->(o)
SET w = $fields, w.id = $id, w.created_at = created_at, w.updated_at = $now
RETURN w.id AS id
