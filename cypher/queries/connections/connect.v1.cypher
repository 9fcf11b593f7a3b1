// name: connections.connect
// version: 1
// mode: write
// params: person_id (string), other_id (string), now (datetime)
// returns: one row: person (other's summary), since, closeness (null). Replaces the requests
//   between the two (either way) and any hold on their requests by one CONNECTED_TO whose pair key
//   is unique.
// example params (cypher-shell / Browser): :params {person_id: '1', other_id: '2', now: datetime()}
MATCH (me:Person {id: $person_id}), (other:Person {id: $other_id})
CALL (me, other) {
  MATCH (me)-[r:REQUESTED|INVITE_HOLD]-(other)
  DELETE r
}
CREATE (me)-[c:CONNECTED_TO {since: $now,
  pair: CASE WHEN me.id < other.id THEN me.id + '|' + other.id ELSE other.id + '|' + me.id END}]->(other)
RETURN other {.id, .name, .headline, .location, .industry, .profession} AS person,
       c.since AS since, null AS closeness
