// name: network.bench_invariants
// version: 1
// mode: read
// params: none
// returns: one row: duplicate_connections (pairs with more than one CONNECTED_TO),
//   duplicate_requests (ordered pairs with more than one REQUESTED) and requests_beside_connections
//   (a REQUESTED between two connected people). All three are 0 in a sound graph; the benchmarks
//   check them after a mixed load.
// example params (cypher-shell / Browser): :params {}
CALL () {
  MATCH (a:Person)-[c:CONNECTED_TO]-(b:Person)
  WHERE a.id < b.id
  WITH a, b, count(c) AS n
  WHERE n > 1
  RETURN count(*) AS duplicate_connections
}
CALL () {
  MATCH (a:Person)-[r:REQUESTED]->(b:Person)
  WITH a, b, count(r) AS n
  WHERE n > 1
  RETURN count(*) AS duplicate_requests
}
CALL () {
  MATCH (a:Person)-[:REQUESTED]->(b:Person)
  WHERE EXISTS { (a)-[:CONNECTED_TO]-(b) }
  RETURN count(*) AS requests_beside_connections
}
RETURN duplicate_connections, duplicate_requests, requests_beside_connections
