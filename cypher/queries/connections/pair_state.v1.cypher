// name: connections.pair_state
// version: 1
// mode: read
// params: person_id (string), other_id (string)
// returns: at most one row (none when either person is missing), seen from person_id: connected,
//   blocked (either way), outgoing (state of my request to other, or null), incoming (state of
//   other's request to me, or null), hold (my requests to other on hold: {reason, until} or null),
//   other_visibility (other's connections_visibility)
// example params (cypher-shell / Browser): :params {person_id: '1', other_id: '2'}
MATCH (me:Person {id: $person_id}), (other:Person {id: $other_id})
RETURN EXISTS { (me)-[:CONNECTED_TO]-(other) } AS connected,
       EXISTS { (me)-[:BLOCKED]-(other) } AS blocked,
       head([(me)-[r:REQUESTED]->(other) | r.state]) AS outgoing,
       head([(other)-[r:REQUESTED]->(me) | r.state]) AS incoming,
       head([(me)-[h:INVITE_HOLD]->(other) | h {.reason, .until}]) AS hold,
       coalesce(other.connections_visibility, 'connections') AS other_visibility
