// name: webhooks.claim
// version: 2
// mode: write
// params: ids (list of string), now (datetime), lease_until (datetime), token (string)
// returns: one row per delivery of ids still due and now leased to token (its webhook
//   enabled): id, window_from (when its day of retries began), webhook (id, url, secret),
//   owner_id, notification (properties, null when gone), actor (summary, null when none).
//   Run after webhooks.claim_lock in the same transaction; each attempt then starts with
//   webhooks.start_attempt, which counts it.
// example params (cypher-shell / Browser): :params {ids: ['msg_1'], now: datetime(), lease_until: datetime() + duration({seconds: 60}), token: 't1'}
MATCH (owner:Person)-[:HAS_WEBHOOK]->(w:Webhook {enabled: true})-[:DELIVERS]->(d:Delivery)
WHERE d.id IN $ids AND d.state = 'pending' AND d.next_at <= $now
  AND (d.lease_until IS NULL OR d.lease_until <= $now)
SET d.lease_until = $lease_until, d.lease_token = $token
WITH owner, w, d
OPTIONAL MATCH (n:Notification {id: d.notification_id})
OPTIONAL MATCH (actor:Person {id: n.actor_id})
RETURN d.id AS id, coalesce(d.retry_from, d.created_at) AS window_from,
       w {.id, .url, .secret} AS webhook, owner.id AS owner_id,
       CASE WHEN n IS NULL THEN null ELSE properties(n) END AS notification,
       CASE WHEN actor IS NULL THEN null
            ELSE actor {.id, .name, .headline, .location, .industry, .profession} END AS actor
ORDER BY d.next_at, d.id
