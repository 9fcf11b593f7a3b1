// name: intros.bench_graph_size
// version: 1
// mode: read
// params: none
// returns: one row: people, connections (counts from the count store)
// example params (cypher-shell / Browser): :params {}
CALL () {
  MATCH (p:Person)
  RETURN count(p) AS people
}
CALL () {
  MATCH ()-[c:CONNECTED_TO]->()
  RETURN count(c) AS connections
}
RETURN people, connections
