// name: recommendations.list_mine
// version: 2
// mode: read
// params: person_id (string), role (string), states (list of string), after_instant (int),
//   after_id (string), limit (int)
// returns: the person's recommendations, received (role 'received': they are the subject) or given
//   (role 'given': they are the author), newest first, limit rows after the cursor (after_instant,
//   after_id; null for the first page); states null means all: recommendation, author, subject,
//   instant (created_at in ns, for the cursor)
// example params (cypher-shell / Browser): :params {person_id: 'demo-coach', role: 'received', states: null, after_instant: null, after_id: null, limit: 20}
MATCH (author:Person)-[:WROTE]->(r:Recommendation)-[:FOR]->(subject:Person)
WHERE CASE $role WHEN 'received' THEN subject.id ELSE author.id END = $person_id
  AND ($states IS NULL OR r.state IN $states)
WITH author, r, subject, r.created_at.epochSeconds * 1000000000 + r.created_at.nanosecond AS instant
WHERE $after_id IS NULL OR instant < $after_instant
      OR (instant = $after_instant AND r.id < $after_id)
RETURN r {.id, .state, .relationship, .text, .message, .created_at, .updated_at} AS recommendation,
       author {.id, .name, .headline, .location, .industry, .profession} AS author,
       subject {.id, .name, .headline, .location, .industry, .profession} AS subject, instant
ORDER BY instant DESC, r.id DESC
LIMIT $limit
