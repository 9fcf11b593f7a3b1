// name: seed.merge_connections
// version: 1
// mode: write
// params: rows (list of maps)
// row: {a, b, pair: ids ascending joined by '|', since: ISO text or null}
// returns: one row: written (rows that now have their connection; the rest named an unknown or
//   blocked person)
// example params (cypher-shell / Browser): :params {rows: [{a: 'demo-ana', b: 'demo-ben', pair: 'demo-ana|demo-ben', since: '2021-03-01T09:00:00Z'}]}
// Seed loaders: one CONNECTED_TO per pair whatever the direction given; an existing one is
// kept as it is. A pending request between the two is replaced, as accepting would.
UNWIND $rows AS row
MATCH (a:Person {id: row.a})
MATCH (b:Person {id: row.b})
WHERE NOT (a)-[:BLOCKED]-(b)
MERGE (a)-[r:CONNECTED_TO]-(b)
  ON CREATE SET r.pair = row.pair, r.since = coalesce(datetime(row.since), datetime())
WITH a, b
CALL (a, b) {
  MATCH (a)-[q:REQUESTED]-(b)
  DELETE q
}
RETURN count(*) AS written
