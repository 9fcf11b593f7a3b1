// name: export.education
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the caller's education entries (careers): every property of the STUDIED_AT
//   relationship and the school's id, kind, name and domain
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (:Person {id: $person_id})-[s:STUDIED_AT]->(o:Organization)
WHERE s.id > $after
RETURN s.id AS key, s {.*, school: o {.id, .kind, .name, .domain}} AS item
ORDER BY key
LIMIT $limit
