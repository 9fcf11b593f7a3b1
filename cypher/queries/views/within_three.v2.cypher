// name: views.within_three
// version: 2
// mode: read
// params: person_id (string), other_id (string), ids (list of string), cap (int)
// returns: one row per person of ids: id, within: true when they are at most 3 hops from
//   person_id without the connection between person_id and other_id and without passing through
//   anyone blocked either way with person_id; false when not; null when their first cap 2-hop
//   paths did not tell (a network counts delta then recomputes instead: docs/views.md). The people
//   a counts delta could not place from other_id's side (views.counts_reach).
//   v2: each person's search reads at most cap paths and ends at the first that reaches
//   person_id (v1 read up to all of them, bounded by their sum: most searches stopped early).
//   Cost: per person, at most cap 2-hop paths with two pair-key index seeks each.
// example params (cypher-shell / Browser): :params {person_id: '107', other_id: '2', ids: ['3', '4'], cap: 200}
MATCH (me:Person {id: $person_id})
CALL (me) {
  MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
UNWIND $ids AS id
MATCH (z:Person {id: id})
// z - u - me, or z - u - v - me: the first cap 2-hop paths from z, a seek or two each.
WITH me, blocked, z,
     EXISTS {
       MATCH (z)-[:CONNECTED_TO]-(u)-[:CONNECTED_TO]-(v)
       WHERE u <> me AND NOT u IN blocked
       WITH u, v LIMIT $cap
       WITH u, v
       WHERE (u.id <> $other_id
              AND EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < u.id THEN me.id + '|' + u.id
                                                         ELSE u.id + '|' + me.id END}]->() })
          OR (v.id <> $other_id
              AND EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < v.id THEN me.id + '|' + v.id
                                                         ELSE v.id + '|' + me.id END}]->() })
       RETURN 1 AS found
     } AS found,
     COLLECT { MATCH (z)-[:CONNECTED_TO]-(u) RETURN COUNT { (u)-[:CONNECTED_TO]-() } } AS paths
RETURN z.id AS id,
       CASE WHEN found THEN true WHEN reduce(s = 0, n IN paths | s + n) <= $cap THEN false END
         AS within
