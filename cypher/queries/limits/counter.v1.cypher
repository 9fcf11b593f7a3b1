// name: limits.counter
// version: 1
// mode: read
// params: key (string), now (float)
// returns: one row: count, the hits of the key's current window (0 when it has ended or
//   there is none), and expires_at, when that window ends (now when there is none), in
//   epoch seconds
// example params (cypher-shell / Browser): :params {key: 'LIMITER/auth/203.0.113.9/30/1/minute', now: 1767600000.0}
OPTIONAL MATCH (c:AddressCounter {key: $key})
WHERE c.expires_at > $now
RETURN coalesce(c.count, 0) AS count, coalesce(c.expires_at, $now) AS expires_at
