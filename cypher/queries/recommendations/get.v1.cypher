// name: recommendations.get
// version: 1
// mode: read
// params: rec_id (string)
// returns: at most one row: the recommendation with author and subject summaries
// example params (cypher-shell / Browser): :params {rec_id: 'r1'}
MATCH (author:Person)-[:WROTE]->(r:Recommendation {id: $rec_id})-[:FOR]->(subject:Person)
RETURN r {.id, .state, .relationship, .text, .message, .created_at, .updated_at} AS recommendation,
       author {.id, .name, .headline, .location, .industry, .profession} AS author,
       subject {.id, .name, .headline, .location, .industry, .profession} AS subject
