// name: seed.existing_people
// version: 1
// mode: read
// params: ids (list of strings)
// returns: one row per id that is a Person in the graph: id
// example params (cypher-shell / Browser): :params {ids: ['demo-coach', 'no-such-person']}
// Import validation: which ids the files refer to without defining them are already people.
UNWIND $ids AS id
MATCH (p:Person {id: id})
RETURN p.id AS id
