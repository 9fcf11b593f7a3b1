// name: targets.add
// version: 1
// mode: write
// params: person_id (string), organization_id (string), position (int), notes (string), now
//   (datetime)
// returns: one row: added (false when the person targets the organization already, which is then
//   left as it was). Run after targets.lock in the same transaction.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', organization_id: 'demo-org-northwind', position: 1, notes: null, now: datetime()}
MATCH (p:Person {id: $person_id}), (o:Organization {id: $organization_id})
OPTIONAL MATCH (p)-[existing:TARGETS]->(o)
CALL (p, o, existing) {
  WITH p, o WHERE existing IS NULL
  CREATE (p)-[:TARGETS {position: $position, notes: $notes, added_at: $now}]->(o)
}
RETURN existing IS NULL AS added
