// name: notifications.expiry_due
// version: 1
// mode: read
// params: open_states (list of string), expiring_before (datetime), expired_before (datetime),
//   limit (int)
// returns: one row per open introduction whose expiry notice is due and not yet given:
//   id, notice ('expiring' or 'expired'), stage (notice|updated_at, what
//   notifications.mark_expiry_noticed records), updated_at, parties (ids
//   of those who see it: requester, broker, and the targets once introduced)
// example params (cypher-shell / Browser): :params {open_states: ['requested', 'introduced'], expiring_before: datetime() - duration({days: 27}), expired_before: datetime() - duration({days: 30}), limit: 500}
MATCH (i:Introduction)
WHERE i.state IN $open_states AND i.updated_at <= $expiring_before
WITH i, CASE WHEN i.updated_at <= $expired_before THEN 'expired' ELSE 'expiring' END AS notice
WITH i, notice, notice + '|' + toString(i.updated_at) AS stage
WHERE coalesce(i.expiry_notice, '') <> stage
WITH i, notice, stage
LIMIT $limit
CALL (i) {
  MATCH (p:Person)-[r:REQUESTED_INTRO|BROKERS|TO]-(i)
  WHERE type(r) <> 'TO' OR i.introduced_at IS NOT NULL
  RETURN collect(DISTINCT p.id) AS parties
}
RETURN i.id AS id, notice, stage, i.updated_at AS updated_at, parties
