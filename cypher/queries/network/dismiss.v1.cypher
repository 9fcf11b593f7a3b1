// name: network.dismiss
// version: 1
// mode: write
// params: person_id (string), other_id (string), now (datetime)
// returns: one row (id) when other_id exists and neither blocked the other; none otherwise. Records
//   (person_id)-[:DISMISSED {at}]->(other_id) once (dismissing again keeps the first time):
//   suggestions leave them out from then on.
// example params (cypher-shell / Browser): :params {person_id: '107', other_id: '1912', now: datetime()}
MATCH (me:Person {id: $person_id}), (other:Person {id: $other_id})
WHERE NOT EXISTS { (me)-[:BLOCKED]-(other) }
MERGE (me)-[dismissed:DISMISSED]->(other)
  ON CREATE SET dismissed.at = $now
RETURN other.id AS id
