// name: organizations.exists
// version: 1
// mode: read
// params: id (string)
// returns: at most one row (id) when there is an organization with this id: the check before a
//   list about it, without organizations.get's counts (which read every position there)
// example params (cypher-shell / Browser): :params {id: 'demo-org-northwind'}
MATCH (o:Organization {id: $id})
RETURN o.id AS id
