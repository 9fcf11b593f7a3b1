// name: imports.connect
// version: 1
// mode: write
// params: person_id (string), other_id (string), since (datetime)
// returns: one row when both exist: since. Two people who listed each other in their LinkedIn
//   exports become connected (connections.connect, with since = the earlier Connected On): the
//   requests between the two (either way) and any hold on them are replaced by one CONNECTED_TO
//   whose pair key is unique. Run after connections.lock_pair and a check that they are not
//   connected or blocked.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana', other_id: 'demo-ben', since: datetime('2024-03-15T00:00:00Z')}
MATCH (me:Person {id: $person_id}), (other:Person {id: $other_id})
CALL (me, other) {
  MATCH (me)-[r:REQUESTED|INVITE_HOLD]-(other)
  DELETE r
}
CREATE (me)-[c:CONNECTED_TO {since: $since,
  pair: CASE WHEN me.id < other.id THEN me.id + '|' + other.id ELSE other.id + '|' + me.id END}]->(other)
RETURN c.since AS since
