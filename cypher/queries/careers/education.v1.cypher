// name: careers.education
// version: 1
// mode: read
// params: person_id (string), id (string)
// returns: the person's education entries (only the one with this id, unless id is null), current
//   (no end) first, then newest first (end desc, start desc, id): id, school ({id, kind, name,
//   domain}), degree, field, start, end (months: year * 12 + month - 1, or null)
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', id: null}
MATCH (:Person {id: $person_id})-[s:STUDIED_AT]->(o:Organization)
WHERE $id IS NULL OR s.id = $id
RETURN s.id AS id, o {.id, .kind, .name, .domain} AS school, s.degree AS degree,
       s.field AS field, s.start AS start, s.end AS end
ORDER BY s.end IS NULL DESC, s.end DESC, s.start DESC, s.id
