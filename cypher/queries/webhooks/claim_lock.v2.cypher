// name: webhooks.claim_lock
// version: 2
// mode: write
// params: now (datetime), limit (int)
// returns: one row per delivery due (pending, next_at passed, no live lease) on an enabled
//   webhook, taken in turns: every owner's oldest due delivery before anyone's second (and
//   within an owner, every webhook's oldest before any webhook's second), oldest first within
//   a turn: id. A disabled webhook's backlog waits without holding up anyone. Takes each
//   one's write lock (bumps d.claims), so that webhooks.claim, run next in the same
//   transaction, reads them as the last worker to claim them left them.
// example params (cypher-shell / Browser): :params {now: datetime(), limit: 20}
MATCH (owner:Person)-[:HAS_WEBHOOK]->(w:Webhook {enabled: true})-[:DELIVERS]->(d:Delivery)
WHERE d.state = 'pending' AND d.next_at <= $now
  AND (d.lease_until IS NULL OR d.lease_until <= $now)
WITH owner, w, d
ORDER BY d.next_at, d.id
WITH owner, w, collect(d)[..$limit] AS queue
UNWIND range(0, size(queue) - 1) AS turn
WITH owner, turn, queue[turn] AS d
ORDER BY turn, d.next_at, d.id
WITH owner, collect(d)[..$limit] AS queue
UNWIND range(0, size(queue) - 1) AS turn
WITH turn, queue[turn] AS d
ORDER BY turn, d.next_at, d.id
LIMIT $limit
SET d.claims = coalesce(d.claims, 0) + 1
RETURN d.id AS id
