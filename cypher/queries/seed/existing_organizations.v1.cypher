// name: seed.existing_organizations
// version: 1
// mode: read
// params: ids (list of strings)
// returns: one row per id that is an Organization in the graph: id, kind
// example params (cypher-shell / Browser): :params {ids: ['demo-org-northwind', 'no-such-org']}
// Import validation: the organizations the files refer to by id without defining them.
UNWIND $ids AS id
MATCH (o:Organization {id: id})
RETURN o.id AS id, o.kind AS kind
