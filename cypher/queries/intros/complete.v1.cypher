// name: intros.complete
// version: 1
// mode: write
// params: intro_id (string), person_id (string), a_id (string), b_id (string), pair (string), now
//   (datetime)
// returns: one row (id) when person_id's acceptance completed the introduced introduction
//   (compare-and-set): it is accepted, and a and b are connected in the same transaction (one
//   CONNECTED_TO with key pair, unless they already are; a pending request between them is
//   replaced); none otherwise
// example params (cypher-shell / Browser): :params {intro_id: '6f1c0e1e-0000-4000-8000-000000000000', person_id: '3', a_id: '1', b_id: '3', pair: '1|3', now: datetime()}
MATCH (i:Introduction {id: $intro_id})-[to:TO]->(:Person {id: $person_id})
WHERE i.state = 'introduced' AND to.accepted_at IS NULL
MATCH (a:Person {id: $a_id}), (b:Person {id: $b_id})
SET to.accepted_at = $now,
    i.state = 'accepted',
    i.accepted_at = $now,
    i.updated_at = $now,
    i.open_pair = null
WITH i, a, b
CALL (a, b) {
  OPTIONAL MATCH (a)-[pending:REQUESTED]-(b)
  DELETE pending
}
CALL (a, b) {
  WITH a, b
  WHERE NOT EXISTS { (a)-[:CONNECTED_TO]-(b) }
  CREATE (a)-[:CONNECTED_TO {since: $now, pair: $pair}]->(b)
}
RETURN i.id AS id
