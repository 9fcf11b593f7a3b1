// name: recommendations.list_mine
// version: 1
// mode: read
// params: person_id (string), role (string), states (list of string), after_created_at (datetime),
//   after_id (string), limit (int)
// returns: the person's recommendations, received (role 'received': they are the subject) or given
//   (role 'given': they are the author), newest first, limit rows after the cursor (created_at,
//   id); states null means all
// example params (cypher-shell / Browser): :params {person_id: 'demo-coach', role: 'received', states: null, after_created_at: null, after_id: null, limit: 20}
MATCH (author:Person)-[:WROTE]->(r:Recommendation)-[:FOR]->(subject:Person)
WHERE CASE $role WHEN 'received' THEN subject.id ELSE author.id END = $person_id
  AND ($states IS NULL OR r.state IN $states)
  AND ($after_created_at IS NULL OR r.created_at < $after_created_at
       OR (r.created_at = $after_created_at AND r.id < $after_id))
RETURN r {.id, .state, .relationship, .text, .message, .created_at, .updated_at} AS recommendation,
       author {.id, .name, .headline, .location, .industry, .profession} AS author,
       subject {.id, .name, .headline, .location, .industry, .profession} AS subject
ORDER BY r.created_at DESC, r.id DESC
LIMIT $limit
