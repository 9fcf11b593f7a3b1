// name: seed.graph_counts
// version: 1
// mode: read
// params: none
// returns: one row: people, connections, requests, blocked (from the count store: instant at any
//   size)
// example params (cypher-shell / Browser): :params {}
// The loader skips the block/request checks when blocked and requests are both 0.
CALL () { MATCH (p:Person) RETURN count(p) AS people }
CALL () { MATCH ()-[c:CONNECTED_TO]->() RETURN count(c) AS connections }
CALL () { MATCH ()-[q:REQUESTED]->() RETURN count(q) AS requests }
CALL () { MATCH ()-[b:BLOCKED]->() RETURN count(b) AS blocked }
RETURN people, connections, requests, blocked
