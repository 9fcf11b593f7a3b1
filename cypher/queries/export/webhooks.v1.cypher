// name: export.webhooks
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the caller's webhooks without their secrets: id, url, kinds, enabled,
//   failures, created_at, and how many deliveries each has queued or made
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (:Person {id: $person_id})-[:HAS_WEBHOOK]->(w:Webhook)
WHERE w.id > $after
RETURN w.id AS key,
       {id: w.id, url: w.url, kinds: w.kinds, enabled: w.enabled, failures: w.failures,
        created_at: w.created_at, deliveries: COUNT { (w)-[:DELIVERS]->() }} AS item
ORDER BY key
LIMIT $limit
