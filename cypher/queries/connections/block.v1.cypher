// name: connections.block
// version: 1
// mode: write
// params: person_id (string), other_id (string), open_intro_states (list of string), now (datetime)
// returns: at most one row (none when either person is missing): blocked_at. Removes the
//   connection, requests, closeness ratings, endorsements and recommendations between the two
//   (either way) and deletes the introductions in an open state that both are parties to, with
//   their follow-ups.
// example params (cypher-shell / Browser): :params {person_id: '1', other_id: '2', open_intro_states: ['requested', 'introduced'], now: datetime()}
MATCH (me:Person {id: $person_id}), (other:Person {id: $other_id})
CALL (me, other) {
  MATCH (me)-[r:CONNECTED_TO|REQUESTED|CLOSENESS|ENDORSED]-(other)
  DELETE r
}
CALL (me, other) {
  MATCH (me)-[:WROTE|FOR]-(rec:Recommendation)-[:WROTE|FOR]-(other)
  DETACH DELETE rec
}
CALL (me, other) {
  MATCH (me)-[:REQUESTED_INTRO|BROKERS|TO]-(i:Introduction)-[:REQUESTED_INTRO|BROKERS|TO]-(other)
  WHERE i.state IN $open_intro_states
  OPTIONAL MATCH (i)-[:HAS_FOLLOW_UP]->(f:FollowUp)
  WITH collect(DISTINCT i) AS intros, collect(DISTINCT f) AS follow_ups
  FOREACH (f IN follow_ups | DETACH DELETE f)
  FOREACH (i IN intros | DETACH DELETE i)
}
MERGE (me)-[b:BLOCKED]->(other)
ON CREATE SET b.at = $now
RETURN b.at AS blocked_at
