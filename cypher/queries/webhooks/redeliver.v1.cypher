// name: webhooks.redeliver
// version: 1
// mode: write
// params: owner_id (string), id (string), delivery_id (string), now (datetime)
// returns: one row when the owner's webhook has the delivery: state (before), queued
//   (whether it is now pending again: not while a worker holds it). Queues it again, with
//   the same webhook-id, for a new day of retries.
// example params (cypher-shell / Browser): :params {owner_id: '1', id: 'wh1', delivery_id: 'msg_1', now: datetime()}
MATCH (:Person {id: $owner_id})-[:HAS_WEBHOOK]->(:Webhook {id: $id})-[:DELIVERS]->(d:Delivery {id: $delivery_id})
SET d.claims = coalesce(d.claims, 0) + 1
WITH d, d.state AS before,
     d.lease_until IS NULL OR d.lease_until <= $now AS free
SET d.state = CASE WHEN free THEN 'pending' ELSE d.state END,
    d.next_at = CASE WHEN free THEN $now ELSE d.next_at END,
    d.retry_from = CASE WHEN free THEN $now ELSE d.retry_from END
RETURN before AS state, free AS queued
