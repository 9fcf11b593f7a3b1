// name: webhooks.record_attempt
// version: 1
// mode: write
// params: delivery_id (string), token (string), at (datetime), state (string), next_at (datetime),
//   status_code (int), outcome (string), error (string), duration_ms (int), disable_after (int)
// returns: one row when the lease token still holds the delivery: disabled (whether this
//   failure disabled the webhook), webhook_id, url, owner_id. Records the attempt, ends the
//   lease, sets the delivery's state (pending with next_at, delivered or failed), and counts
//   the webhook's failures in a row (a success resets them); at disable_after the webhook is
//   disabled. Run after webhooks.lock in the same transaction.
// example params (cypher-shell / Browser): :params {delivery_id: 'msg_1', token: 't1', at: datetime(), state: 'delivered', next_at: null, status_code: 200, outcome: 'delivered', error: null, duration_ms: 12, disable_after: 15}
MATCH (owner:Person)-[:HAS_WEBHOOK]->(w:Webhook)-[:DELIVERS]->(d:Delivery {id: $delivery_id})
WHERE d.lease_token = $token
SET d.lease_until = null, d.lease_token = null, d.state = $state, d.next_at = $next_at,
    d.last_status_code = $status_code, d.last_attempt_at = $at
CREATE (d)-[:ATTEMPTED]->(:DeliveryAttempt {
  number: d.attempts, at: $at, status_code: $status_code, outcome: $outcome, error: $error,
  duration_ms: $duration_ms})
SET w.failures = CASE WHEN $outcome = 'delivered' THEN 0 ELSE coalesce(w.failures, 0) + 1 END
WITH owner, w, w.enabled AND w.failures >= $disable_after AS disable
SET w.enabled = w.enabled AND NOT disable,
    w.disabled_at = CASE WHEN disable THEN $at ELSE w.disabled_at END
RETURN disable AS disabled, w.id AS webhook_id, w.url AS url, owner.id AS owner_id
