// name: people.delete_person
// version: 1
// mode: write
// params: person_id (string)
// returns: one row: deleted (0 or 1). Removes the person, their tokens, every relationship of
//   theirs, every recommendation they wrote or received, and every introduction they are a party to
//   (requester, broker or target), with its follow-ups.
// example params (cypher-shell / Browser): :params {person_id: '1'}
OPTIONAL MATCH (p:Person {id: $person_id})
CALL (p) {
  MATCH (p)-[:REQUESTED_INTRO|BROKERS|TO]-(i:Introduction)
  OPTIONAL MATCH (i)-[:HAS_FOLLOW_UP]->(f:FollowUp)
  WITH collect(DISTINCT i) AS intros, collect(DISTINCT f) AS follow_ups
  FOREACH (f IN follow_ups | DETACH DELETE f)
  FOREACH (i IN intros | DETACH DELETE i)
}
CALL (p) {
  MATCH (t:Token)-[:AUTHENTICATES]->(p)
  DETACH DELETE t
}
CALL (p) {
  MATCH (p)-[:WROTE|FOR]-(rec:Recommendation)
  DETACH DELETE rec
}
DETACH DELETE p
RETURN count(p) AS deleted
