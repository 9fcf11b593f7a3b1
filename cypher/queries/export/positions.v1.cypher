// name: export.positions
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the caller's positions (careers): every property of the WORKED_AT relationship
//   and the organization's id, kind, name and domain
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (:Person {id: $person_id})-[w:WORKED_AT]->(o:Organization)
WHERE w.id > $after
RETURN w.id AS key, w {.*, organization: o {.id, .kind, .name, .domain}} AS item
ORDER BY key
LIMIT $limit
