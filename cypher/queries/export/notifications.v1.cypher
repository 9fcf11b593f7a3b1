// name: export.notifications
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the caller's notifications: every property (data is the JSON text it was
//   written with)
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (:Person {id: $person_id})-[:HAS_NOTIFICATION]->(n:Notification)
WHERE n.id > $after
RETURN n.id AS key, properties(n) AS item
ORDER BY key
LIMIT $limit
