// name: recommendations.visible_for
// version: 1
// mode: read
// params: subject_id (string), viewer_id (string), after_created_at (datetime), after_id (string),
//   limit (int)
// returns: the subject's accepted recommendations the viewer may see (authors blocked with the
//   viewer left out), newest first, limit rows after the cursor (created_at, id)
// example params (cypher-shell / Browser): :params {subject_id: 'demo-coach', viewer_id: 'demo-0001', after_created_at: null, after_id: null, limit: 20}
MATCH (author:Person)-[:WROTE]->(r:Recommendation {state: 'accepted'})-[:FOR]->(:Person {id: $subject_id})
WHERE NOT EXISTS { (author)-[:BLOCKED]-(:Person {id: $viewer_id}) }
  AND ($after_created_at IS NULL OR r.created_at < $after_created_at
       OR (r.created_at = $after_created_at AND r.id < $after_id))
RETURN r {.id, .state, .relationship, .text, .created_at} AS recommendation,
       author {.id, .name, .headline, .location, .industry, .profession} AS author
ORDER BY r.created_at DESC, r.id DESC
LIMIT $limit
