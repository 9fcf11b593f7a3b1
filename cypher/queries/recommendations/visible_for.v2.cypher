// name: recommendations.visible_for
// version: 2
// mode: read
// params: subject_id (string), viewer_id (string), after_instant (int), after_id (string),
//   limit (int)
// returns: the subject's accepted recommendations the viewer may see (authors blocked with the
//   viewer left out), newest first, limit rows after the cursor (after_instant, after_id; null
//   for the first page): recommendation, author, instant (created_at in ns, for the cursor)
// example params (cypher-shell / Browser): :params {subject_id: 'demo-coach', viewer_id: 'demo-0001', after_instant: null, after_id: null, limit: 20}
MATCH (author:Person)-[:WROTE]->(r:Recommendation {state: 'accepted'})
      -[:FOR]->(:Person {id: $subject_id})
WHERE NOT EXISTS { (author)-[:BLOCKED]-(:Person {id: $viewer_id}) }
WITH author, r, r.created_at.epochSeconds * 1000000000 + r.created_at.nanosecond AS instant
WHERE $after_id IS NULL OR instant < $after_instant
      OR (instant = $after_instant AND r.id < $after_id)
RETURN r {.id, .state, .relationship, .text, .created_at} AS recommendation,
       author {.id, .name, .headline, .location, .industry, .profession} AS author, instant
ORDER BY instant DESC, r.id DESC
LIMIT $limit
