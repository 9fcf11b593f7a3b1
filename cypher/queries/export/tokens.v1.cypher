// name: export.tokens
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the caller's tokens as metadata, never a hash: id (the hash's first 16
//   characters, as /v1/me/tokens shows), created_at, last_used_at
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (t:Token)-[:AUTHENTICATES]->(:Person {id: $person_id})
WITH t, substring(t.hash, 0, 16) AS key
WHERE key > $after
RETURN key, {id: key, created_at: t.created_at, last_used_at: t.last_used_at} AS item
ORDER BY key
LIMIT $limit
