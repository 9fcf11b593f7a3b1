// name: network.network_counts
// version: 1
// mode: read
// params: person_id (string)
// returns: one row: first, second, third = how many people are exactly 1, 2 and 3 hops from
//   person_id, never counting nor passing through anyone blocked either way with them. No row
//   when the person does not exist.
//   Cost: set-based breadth-first search, one level at a time: each frontier is expanded once
//   and deduplicated by a hash aggregation (no variable-length pattern, no duplicate paths).
// example params (cypher-shell / Browser): :param person_id => '107';
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
CALL (me, blocked, first, second) {
  CALL (me, first, second) {
    UNWIND second AS s
    MATCH (s)-[:CONNECTED_TO]-(t)
    RETURN t, 1 AS hop
    UNION ALL
    UNWIND first + second + [me] AS t
    RETURN t, 0 AS hop
  }
  WITH t, min(hop) AS nearest
  WHERE nearest = 1 AND NOT t IN blocked
  RETURN count(t) AS third
}
RETURN size(first) AS first, size(second) AS second, third
