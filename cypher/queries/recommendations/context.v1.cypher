// name: recommendations.context
// version: 1
// mode: read
// params: author_id (string), subject_id (string)
// returns: one row: subject_exists, subject_skills, connected, blocked (either way), open_id and
//   open_state of the author's current recommendation for the subject (null when none)
// example params (cypher-shell / Browser): :params {author_id: 'demo-coach', subject_id: 'demo-0001'}
OPTIONAL MATCH (author:Person {id: $author_id})
OPTIONAL MATCH (subject:Person {id: $subject_id})
OPTIONAL MATCH (current:Recommendation {pair: $author_id + '|' + $subject_id})
RETURN subject IS NOT NULL AS subject_exists, subject.skills AS subject_skills,
       author IS NOT NULL AND subject IS NOT NULL
         AND EXISTS { (author)-[:CONNECTED_TO]-(subject) } AS connected,
       author IS NOT NULL AND subject IS NOT NULL
         AND EXISTS { (author)-[:BLOCKED]-(subject) } AS blocked,
       current.id AS open_id, current.state AS open_state
