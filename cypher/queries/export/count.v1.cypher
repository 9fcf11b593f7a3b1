// name: export.count
// version: 1
// mode: write
// params: person_id (string), now (datetime), since (datetime), allowed (int)
// returns: one row: counted (whether this export is within the allowance: fewer than allowed
//   exports since `since`, in which case it is recorded) and oldest (the oldest export still
//   in the window, for Retry-After). The times are kept on the person, `exports_at`, pruned to
//   the window at each export; taking the person's write lock makes racing exports count in turn.
// example params (cypher-shell / Browser): :params {person_id: '107', now: datetime(), since: datetime() - duration({days: 1}), allowed: 5}
MATCH (p:Person {id: $person_id})
SET p.version = coalesce(p.version, 0) + 1
WITH p, [t IN coalesce(p.exports_at, []) WHERE t > $since] AS recent
WITH p, recent, size(recent) < $allowed AS counted
SET p.exports_at = CASE WHEN counted THEN recent + $now ELSE recent END
RETURN counted, head(recent) AS oldest
