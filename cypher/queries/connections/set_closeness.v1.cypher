// name: connections.set_closeness
// version: 1
// mode: write
// params: person_id (string), other_id (string), level (string), now (datetime)
// returns: at most one row (none when the two are not connected): person (other's summary), since,
//   closeness. The rating is private to person_id.
// example params (cypher-shell / Browser): :params {person_id: '1', other_id: '2', level: 'close', now: datetime()}
MATCH (me:Person {id: $person_id})-[c:CONNECTED_TO]-(other:Person {id: $other_id})
MERGE (me)-[k:CLOSENESS]->(other)
SET k.level = $level, k.updated_at = $now
RETURN other {.id, .name, .headline, .location, .industry, .profession} AS person,
       c.since AS since, k.level AS closeness
