// name: notifications.mark_expiry_noticed
// version: 1
// mode: write
// params: intro_id (string), stage (string)
// returns: one row (id) when the introduction exists. Records that its parties were told
//   (stage from notifications.expiry_due), so the next sweep passes over it.
// example params (cypher-shell / Browser): :params {intro_id: '6f1c0e1e-0000-4000-8000-000000000000', stage: 'expiring|2026-01-05T09:00:00Z'}
MATCH (i:Introduction {id: $intro_id})
SET i.expiry_notice = $stage
RETURN i.id AS id
