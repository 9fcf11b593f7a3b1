// name: webhooks.update
// version: 1
// mode: write
// params: owner_id (string), id (string), changes (map)
// returns: one row: webhook (its properties) when the owner has it; none otherwise. Sets the
//   changes given (url, kinds, enabled); enabling clears the failure count and disabled_at.
// example params (cypher-shell / Browser): :params {owner_id: '1', id: 'wh1', changes: {enabled: true}}
MATCH (:Person {id: $owner_id})-[:HAS_WEBHOOK]->(w:Webhook {id: $id})
SET w += $changes
WITH w
CALL (w) {
  WITH w WHERE $changes.enabled = true
  SET w.failures = 0, w.disabled_at = null
}
RETURN properties(w) AS webhook
