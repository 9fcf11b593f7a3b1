// name: limits.hit
// version: 1
// mode: write
// params: key (string), amount (int), expiry_s (int), now (float)
// returns: one row: count, the hits of the key's current window after this one (a window
//   that has ended starts again here), and expires_at, when the window ends (both in epoch
//   seconds); concurrent hits on one key are serialised by the node's write lock, taken
//   before anything is read, so none is lost
// example params (cypher-shell / Browser): :params {key: 'LIMITER/auth/203.0.113.9/30/1/minute', amount: 1, expiry_s: 60, now: 1767600000.0}
MERGE (c:AddressCounter {key: $key})
SET c.locked = true
WITH c, coalesce(c.expires_at, 0.0) <= $now AS ended
SET c.count = CASE WHEN ended THEN $amount ELSE c.count + $amount END,
    c.expires_at = CASE WHEN ended THEN $now + $expiry_s ELSE c.expires_at END
REMOVE c.locked
RETURN c.count AS count, c.expires_at AS expires_at
