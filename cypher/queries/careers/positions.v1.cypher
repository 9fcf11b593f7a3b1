// name: careers.positions
// version: 1
// mode: read
// params: person_id (string), id (string)
// returns: the person's positions (only the one with this id, unless id is null), current first,
//   then newest first (end desc, start desc, id): id, organization ({id, kind, name, domain}),
//   title, start, end (months: year * 12 + month - 1; end null = current), location, description
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', id: null}
MATCH (:Person {id: $person_id})-[w:WORKED_AT]->(o:Organization)
WHERE $id IS NULL OR w.id = $id
RETURN w.id AS id, o {.id, .kind, .name, .domain} AS organization, w.title AS title,
       w.start AS start, w.end AS end, w.location AS location, w.description AS description
ORDER BY w.end IS NULL DESC, w.end DESC, w.start DESC, w.id
