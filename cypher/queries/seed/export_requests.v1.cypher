// name: seed.export_requests
// version: 1
// mode: read
// params: none
// returns: one row per connection request: sender, recipient, created_at (ISO 8601 text), note,
//   state
// example params (cypher-shell / Browser): :params {}
MATCH (a:Person)-[r:REQUESTED]->(b:Person)
RETURN a.id AS sender, b.id AS recipient, toString(r.created_at) AS created_at,
       r.note AS note, r.state AS state
ORDER BY sender, recipient
