// name: limits.prune
// version: 1
// mode: write
// params: now (float), limit (int)
// returns: one row: deleted (at most limit), the counters whose window ended at or before
//   now (epoch seconds); each is locked as limits.hit locks it, then looked at again, so a
//   hit that started a new window meanwhile keeps its counter (a hit that found the
//   counter before it was deleted returns a null count and hits again); run again while
//   deleted = limit
// example params (cypher-shell / Browser): :params {now: 1767600000.0, limit: 1000}
MATCH (c:AddressCounter)
WHERE c.expires_at <= $now
WITH c LIMIT $limit
SET c.locked = true
WITH c
WHERE c.expires_at <= $now
DELETE c
RETURN count(c) AS deleted
