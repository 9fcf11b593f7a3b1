// name: network.network_counts
// version: 1
// mode: read
// params: person_id (string)
// returns: one row: first, second, third = how many people are exactly 1, 2 and 3 hops from
//   person_id, never counting nor passing through anyone blocked either way with them. No row when
//   the person does not exist. Cost: set-based breadth-first search, one level at a time: each
//   frontier is expanded once and deduplicated by a hash aggregation (no variable-length pattern,
//   no duplicate paths); the 3rd level goes backward from the unreached when that reads fewer
//   relationships.
// example params (cypher-shell / Browser): :params {person_id: '107'}
MATCH (me:Person {id: $person_id})
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
CALL (me, blocked) {
  MATCH (me)-[:CONNECTED_TO]-(f)
  WHERE NOT f IN blocked
  RETURN collect(f) AS first
}
// Each level: the next frontier's people with hop 1, the people already reached with hop 0;
// grouped by person, min(hop) = 1 keeps the newly reached ones (a hash-set difference).
CALL (me, blocked, first) {
  CALL (me, first) {
    UNWIND first AS f
    MATCH (f)-[:CONNECTED_TO]-(s)
    RETURN s, 1 AS hop
    UNION ALL
    UNWIND first + [me] AS s
    RETURN s, 0 AS hop
  }
  WITH s, min(hop) AS nearest
  WHERE nearest = 1 AND NOT s IN blocked
  RETURN collect(s) AS second
}
// The 3rd level either way, whichever reads fewer relationships. Forward expands every 2nd
// connection (the sum of their degrees). Backward takes everyone not reached yet (a label
// scan) and keeps those with a connection among the 2nd ones (the sum of the unreached
// people's degrees). A hub's 2nd connections are most of the graph: backward is then several
// times cheaper. The totals come from the count store.
CALL (second) {
  UNWIND second AS s
  RETURN sum(COUNT { (s)-[:CONNECTED_TO]-() }) AS forward_cost
}
CALL () {
  MATCH (p:Person)
  RETURN count(p) AS people
}
CALL () {
  MATCH ()-[c:CONNECTED_TO]->()
  RETURN count(c) AS connections
}
WITH me, blocked, first, second,
     forward_cost <= 2 * people + 2 * connections - forward_cost AS forward
CALL (me, blocked, first, second, forward) {
  CALL (me, first, second, forward) {
    WITH me, first, second WHERE forward
    UNWIND second AS s
    MATCH (s)-[:CONNECTED_TO]-(t)
    RETURN t, 1 AS hop
    UNION ALL
    WITH me, first, second WHERE forward
    UNWIND first + second + [me] AS t
    RETURN t, 0 AS hop
  }
  WITH t, min(hop) AS nearest
  WHERE nearest = 1 AND NOT t IN blocked
  RETURN count(t) AS forward_third
}
CALL (me, blocked, first, second, forward) {
  // Everyone (hop 1) but the reached and the blocked (hop 0): the unreached.
  CALL (me, blocked, first, second, forward) {
    WITH me, blocked, first, second WHERE NOT forward
    MATCH (t:Person)
    RETURN t, 1 AS hop
    UNION ALL
    WITH me, blocked, first, second WHERE NOT forward
    UNWIND first + second + [me] + blocked AS t
    RETURN t, 0 AS hop
  }
  WITH t, min(hop) AS nearest
  WHERE nearest = 1
  WITH collect(t) AS unreached
  // The unreached people's connections, grouped by connection, with the 2nd connections
  // marked (hop 0): the unreached next to a 2nd connection are the 3rd ones.
  CALL (second, unreached) {
    UNWIND unreached AS t
    MATCH (t)-[:CONNECTED_TO]-(x)
    RETURN x, t, 1 AS hop
    UNION ALL
    UNWIND second AS x
    RETURN x, null AS t, 0 AS hop
  }
  WITH x, min(hop) AS nearest, collect(t) AS neighbours
  WHERE nearest = 0
  UNWIND neighbours AS t
  RETURN count(DISTINCT t) AS backward_third
}
RETURN size(first) AS first, size(second) AS second, forward_third + backward_third AS third
