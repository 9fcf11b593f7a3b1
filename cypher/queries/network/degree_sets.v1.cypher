// name: network.degree_sets
// version: 1
// mode: read
// params: person_id (string), with_third (boolean)
// returns: one row: first, second and third = the ids of the people exactly 1, 2 and 3 hops from
//   person_id (third only when with_third, else []), never counting nor passing through anyone
//   blocked either way with them. No row when the person does not exist. For filtering a search by
//   degree (p.id IN $ids). The third set of a hub is most of the graph: ask for it only when the
//   filter needs it.
// example params (cypher-shell / Browser): :params {person_id: '107', with_third: false}
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
    WITH me, first, second WHERE $with_third
    UNWIND second AS s
    MATCH (s)-[:CONNECTED_TO]-(t)
    RETURN t, 1 AS hop
    UNION ALL
    WITH me, first, second WHERE $with_third
    UNWIND first + second + [me] AS t
    RETURN t, 0 AS hop
  }
  WITH t, min(hop) AS nearest
  WHERE nearest = 1 AND NOT t IN blocked
  RETURN collect(t.id) AS third
}
RETURN [f IN first | f.id] AS first, [s IN second | s.id] AS second, third
