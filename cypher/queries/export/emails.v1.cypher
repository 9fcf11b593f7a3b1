// name: export.emails
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the caller's email addresses (backend/imports/identity.py): {address, added_at};
//   never the hash, which is a key of the service's
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (:Person {id: $person_id})-[:HAS_EMAIL]->(e:Email)
WHERE e.address > $after
RETURN e.address AS key, e {.address, .added_at} AS item
ORDER BY key
LIMIT $limit
