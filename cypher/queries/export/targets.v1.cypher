// name: export.targets
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the caller's target board (backend/targets): position, notes, added_at and the
//   organization's id, kind, name and domain
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (:Person {id: $person_id})-[t:TARGETS]->(o:Organization)
WITH t, o, o.id AS key
WHERE key > $after
RETURN key, {position: t.position, notes: t.notes, added_at: t.added_at,
             organization: o {.id, .kind, .name, .domain}} AS item
ORDER BY key
LIMIT $limit
