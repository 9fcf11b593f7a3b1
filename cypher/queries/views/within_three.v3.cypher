// name: views.within_three
// version: 3
// mode: read
// params: person_id (string), other_id (string), ids (list of string), cap (int)
// returns: one row per person of ids: id, within: true when they are at most 3 hops from
//   person_id without the connection between person_id and other_id and without passing through
//   anyone blocked either way with person_id; false when not; null when their first cap 2-hop
//   paths did not tell (a network counts delta then recomputes instead: docs/views.md). The people
//   a counts delta could not place from other_id's side (views.counts_reach).
//   v2: each person's search reads at most cap paths and ends at the first that reaches
//   person_id (v1 read up to all of them, bounded by their sum: most searches stopped early).
//   v3: the "did not tell" check (the sum of z's connections' degrees against cap) runs only
//   when the search found nothing, and reads at most cap + 1 of z's connections (each adds at
//   least 1): v2 read all of them for every person, a hub's too, past the budget.
//   Cost: per person, at most cap 2-hop paths with two pair-key index seeks each, then at most
//   cap + 1 degree reads.
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
     } AS found
WITH z, found,
     COLLECT {
       WITH z WHERE NOT found
       MATCH (z)-[:CONNECTED_TO]-(u)
       WITH u LIMIT $cap + 1
       RETURN COUNT { (u)-[:CONNECTED_TO]-() }
     } AS paths
RETURN z.id AS id,
       CASE WHEN found THEN true WHEN reduce(s = 0, n IN paths | s + n) <= $cap THEN false END
         AS within
