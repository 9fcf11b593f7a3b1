// name: recommendations.create
// version: 1
// mode: write
// params: rec_id (string), author_id (string), subject_id (string), state (string), relationship
//   (string), text (string), message (string), now (datetime)
// returns: one row: id of the new recommendation (state 'pending' when written, 'requested' when
//   asked for)
// example params (cypher-shell / Browser): :params {rec_id: 'r1', author_id: 'a', subject_id: 'b', state: 'pending', relationship: 'worked_together', text: 'Great.', message: null, now: datetime()}
MATCH (author:Person {id: $author_id}), (subject:Person {id: $subject_id})
CREATE (author)-[:WROTE]->(r:Recommendation {
  id: $rec_id, pair: $author_id + '|' + $subject_id, state: $state,
  relationship: $relationship, text: $text, message: $message,
  created_at: $now, updated_at: $now
})-[:FOR]->(subject)
RETURN r.id AS id
