// name: webhooks.deliveries
// version: 1
// mode: read
// params: owner_id (string), id (string), after_instant (int), after_id (string), limit (int)
// returns: one row per delivery of the owner's webhook, newest first, after the cursor
//   (after_instant, after_id; nulls for the first page): delivery (its properties but the
//   lease), attempts (oldest first), instant (created_at in ns, for the cursor)
// example params (cypher-shell / Browser): :params {owner_id: '1', id: 'wh1', after_instant: null, after_id: null, limit: 21}
MATCH (:Person {id: $owner_id})-[:HAS_WEBHOOK]->(:Webhook {id: $id})-[:DELIVERS]->(d:Delivery)
WITH d, d.created_at.epochSeconds * 1000000000 + d.created_at.nanosecond AS instant
WHERE $after_instant IS NULL OR instant < $after_instant
   OR (instant = $after_instant AND d.id < $after_id)
WITH d, instant
ORDER BY instant DESC, d.id DESC
LIMIT $limit
CALL (d) {
  OPTIONAL MATCH (d)-[:ATTEMPTED]->(a:DeliveryAttempt)
  WITH a ORDER BY a.number
  RETURN collect(a {.number, .at, .outcome, .status_code, .error, .duration_ms}) AS attempts
}
RETURN d {.id, .notification_id, .kind, .state, .created_at, .next_at, attempt_count: d.attempts,
          .last_status_code, .last_attempt_at} AS delivery,
       attempts, instant
ORDER BY instant DESC, d.id DESC
