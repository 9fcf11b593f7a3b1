// name: targets.watchers
// version: 1
// mode: read
// params: person_id (string), organization_id (string)
// returns: one row per 1st connection of person_id who has organization_id on their target
//   board (no block either way with person_id): id
// example params (cypher-shell / Browser): :params {person_id: 'demo-ines', organization_id: 'demo-org-northwind'}
MATCH (:Organization {id: $organization_id})<-[:TARGETS]-(w:Person)
        -[:CONNECTED_TO]-(p:Person {id: $person_id})
WHERE NOT EXISTS { (w)-[:BLOCKED]-(p) }
RETURN DISTINCT w.id AS id
ORDER BY id
