// name: targets.set_notes
// version: 1
// mode: write
// params: person_id (string), organization_id (string), notes (string)
// returns: one row: changed (0 or 1). notes null clears them
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', organization_id: 'demo-org-northwind', notes: 'Ask Ben first'}
OPTIONAL MATCH (:Person {id: $person_id})-[t:TARGETS]->(:Organization {id: $organization_id})
SET t.notes = $notes
RETURN count(t) AS changed
