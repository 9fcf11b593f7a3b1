// name: imports.connect_pairs
// version: 1
// mode: write
// params: pairs (list of map)
// row: {person_id, other_id, since (datetime)}
// returns: one row per pair whose two people exist: person_id, other_id. imports.connect for many
//   pairs in one statement: people who listed each other in their LinkedIn exports become
//   connected (since = the earlier Connected On); the requests between the two (either way) and
//   any hold on them are replaced by one CONNECTED_TO whose pair key is unique. Run after
//   connections.lock_pair on every person of the pairs and a check that no pair is connected or
//   blocked, each pair once.
// example params (cypher-shell / Browser): :params {pairs: [{person_id: 'demo-ana', other_id: 'demo-ben', since: datetime('2024-03-15T00:00:00Z')}]}
UNWIND $pairs AS pair
MATCH (me:Person {id: pair.person_id}), (other:Person {id: pair.other_id})
CALL (me, other) {
  MATCH (me)-[r:REQUESTED|INVITE_HOLD]-(other)
  DELETE r
}
CREATE (me)-[:CONNECTED_TO {since: pair.since,
  pair: CASE WHEN me.id < other.id THEN me.id + '|' + other.id ELSE other.id + '|' + me.id END}]->(other)
RETURN me.id AS person_id, other.id AS other_id
