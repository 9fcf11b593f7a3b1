// name: targets.list
// version: 1
// mode: read
// params: person_id (string)
// returns: one row per organization the person targets, by position: organization (id, kind,
//   name, domain), position (1, 2, ...), notes, added_at
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada'}
MATCH (:Person {id: $person_id})-[t:TARGETS]->(o:Organization)
RETURN o {.id, .kind, .name, .domain} AS organization, t.position AS position, t.notes AS notes,
       t.added_at AS added_at
ORDER BY position
