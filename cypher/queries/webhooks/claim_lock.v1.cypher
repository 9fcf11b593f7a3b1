// name: webhooks.claim_lock
// version: 1
// mode: write
// params: now (datetime), limit (int)
// returns: one row per delivery due (pending, next_at passed, no live lease), oldest due
//   first: id. Takes each one's write lock (bumps d.claims), so that webhooks.claim, run
//   next in the same transaction, reads them as the last worker to claim them left them.
// example params (cypher-shell / Browser): :params {now: datetime(), limit: 20}
MATCH (d:Delivery)
WHERE d.state = 'pending' AND d.next_at <= $now
  AND (d.lease_until IS NULL OR d.lease_until <= $now)
WITH d
ORDER BY d.next_at, d.id
LIMIT $limit
SET d.claims = coalesce(d.claims, 0) + 1
RETURN d.id AS id
