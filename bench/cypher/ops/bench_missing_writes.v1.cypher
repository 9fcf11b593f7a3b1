// name: ops.bench_missing_writes
// version: 1
// mode: read
// params: people (list), requests (list of pairs), connections (list of pairs), intros (list)
// returns: one row: missing_people, missing_requests, missing_connections, missing_intros:
//   what the API acknowledged but the graph lacks (bench/faults.py after killing Neo4j).
//   Pairs are [from, to]; intros are maps {id, states}. A request counts as there when it
//   became a connection; an introduction when its state is one of its states (the
//   acknowledged one or a later one).
// example params (cypher-shell / Browser): :params {people: ['p1'], requests: [['p1', 'p2']], connections: [['p1', 'p2']], intros: [{id: 'i1', states: ['requested', 'introduced', 'accepted']}]}
CALL () {
  UNWIND $people AS id
  OPTIONAL MATCH (p:Person {id: id})
  WITH id, p
  WHERE p IS NULL
  RETURN collect(id) AS missing_people
}
CALL () {
  UNWIND $requests AS pair
  OPTIONAL MATCH (:Person {id: pair[0]})-[r:REQUESTED|CONNECTED_TO]-(:Person {id: pair[1]})
  WITH pair, count(r) AS found
  WHERE found = 0
  RETURN collect(pair) AS missing_requests
}
CALL () {
  UNWIND $connections AS pair
  OPTIONAL MATCH (:Person {id: pair[0]})-[c:CONNECTED_TO]-(:Person {id: pair[1]})
  WITH pair, count(c) AS found
  WHERE found = 0
  RETURN collect(pair) AS missing_connections
}
CALL () {
  UNWIND $intros AS intro
  OPTIONAL MATCH (i:Introduction {id: intro.id})
  WITH intro, i
  WHERE i IS NULL OR NOT i.state IN intro.states
  RETURN collect(intro.id) AS missing_intros
}
RETURN missing_people, missing_requests, missing_connections, missing_intros
