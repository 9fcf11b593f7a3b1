// name: seed.export_connections
// version: 1
// mode: read
// params: none
// returns: one row per connection (each pair once, as stored): a, b, since (ISO 8601 text)
// example params (cypher-shell / Browser): :params {}
MATCH (a:Person)-[r:CONNECTED_TO]->(b:Person)
RETURN a.id AS a, b.id AS b, toString(r.since) AS since
