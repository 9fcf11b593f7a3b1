// name: intros.follow_ups
// version: 2
// mode: read
// params: intro_id (string), after_instant (int), after_id (string), limit (int)
// returns: up to limit follow-ups of the introduction, newest recorded first (instant desc, id
//   desc; instant: created_at in ns, for the cursor), after the cursor (null for the first
//   page): follow_up (id, kind, at, note, recorded_by, created_at), instant
// example params (cypher-shell / Browser): :params {intro_id: '6f1c0e1e-0000-4000-8000-000000000000', after_instant: null, after_id: null, limit: 21}
MATCH (:Introduction {id: $intro_id})-[:HAS_FOLLOW_UP]->(f:FollowUp)
WITH f, f.created_at.epochSeconds * 1000000000 + f.created_at.nanosecond AS instant
WHERE $after_id IS NULL OR instant < $after_instant
      OR (instant = $after_instant AND f.id < $after_id)
WITH f, instant
ORDER BY instant DESC, f.id DESC
LIMIT $limit
RETURN f {.id, .kind, .at, .note, .recorded_by, .created_at} AS follow_up, instant
