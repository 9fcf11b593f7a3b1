// name: export.profile
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the caller's profile: every property of their Person node (one row)
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (p:Person {id: $person_id})
WHERE p.id > $after
RETURN p.id AS key, properties(p) AS item
LIMIT $limit
