// name: targets.remove
// version: 1
// mode: write
// params: person_id (string), organization_id (string)
// returns: one row: removed (0 or 1). The positions of the others are then renumbered by
//   targets.set_order in the same transaction.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', organization_id: 'demo-org-northwind'}
OPTIONAL MATCH (:Person {id: $person_id})-[t:TARGETS]->(:Organization {id: $organization_id})
DELETE t
RETURN count(t) AS removed
