// name: intros.follow_ups
// version: 1
// mode: read
// params: intro_id (string), after_created_at (datetime), after_id (string), limit (int)
// returns: up to limit follow-ups of the introduction, newest recorded first (created_at desc, id
//   desc), after the cursor (null for the first page): follow_up (id, kind, at, note, recorded_by,
//   created_at)
// example params (cypher-shell / Browser): :params {intro_id: '6f1c0e1e-0000-4000-8000-000000000000', after_created_at: null, after_id: null, limit: 21}
MATCH (:Introduction {id: $intro_id})-[:HAS_FOLLOW_UP]->(f:FollowUp)
WHERE $after_id IS NULL OR f.created_at < $after_created_at
      OR (f.created_at = $after_created_at AND f.id < $after_id)
WITH f
ORDER BY f.created_at DESC, f.id DESC
LIMIT $limit
RETURN f {.id, .kind, .at, .note, .recorded_by, .created_at} AS follow_up
