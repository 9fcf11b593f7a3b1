// name: views.counts_reach
// version: 2
// mode: read
// params: person_id (string), other_id (string), share (int)
// returns: one row when both people exist: cut (they are blocked either way) and, unless cut,
//   reach: one entry per connection x of other_id, {id, near (x is a connection of person_id),
//   two (x is within 2 hops of person_id without other_id; null: not known from x's first share
//   connections), links (x's connections when two is false, else [])}. person_id and the people
//   blocked either way with person_id are never in it nor passed through. What places other_id
//   and their connections by their distance from person_id without the connection between the
//   two (a network counts delta, docs/views.md).
//   v2: within 2 is a search of x's connections that ends at the first of person_id's, up to
//   share of them, and only the links of those not within 2 come back (v1 read and returned
//   every link, ~10 us each, and gave up past a budget of links in all).
//   Cost: other_id's connections, then at most 2 x share relationships read and pair-key index
//   seeks for each; for a hub's person_id a few (most people are within 2 hops of a hub).
// example params (cypher-shell / Browser): :params {person_id: '107', other_id: '2', share: 500}
MATCH (me:Person {id: $person_id}), (other:Person {id: $other_id})
CALL (me) {
  MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
CALL (me, other, blocked) {
  MATCH (other)-[:CONNECTED_TO]-(x)
  WHERE x <> me AND NOT x IN blocked
  RETURN collect(x) AS ones
}
WITH me, other, blocked, ones, other IN blocked AS cut
CALL (me, other, blocked, ones, cut) {
  WITH me, other, blocked, ones WHERE NOT cut
  UNWIND ones AS x
  WITH me, other, blocked, x,
       EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < x.id THEN me.id + '|' + x.id
                                              ELSE x.id + '|' + me.id END}]->() } AS near
  WITH me, other, blocked, x, near,
       near OR EXISTS {
         MATCH (x)-[:CONNECTED_TO]-(w)
         WHERE w <> me AND w <> other AND NOT w IN blocked
         WITH w LIMIT $share
         WITH w
         WHERE EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < w.id THEN me.id + '|' + w.id
                                                      ELSE w.id + '|' + me.id END}]->() }
         RETURN 1 AS found
       } AS found,
       COUNT { (x)-[:CONNECTED_TO]-() } <= $share AS searched
  WITH me, blocked, x, near, CASE WHEN found THEN true WHEN searched THEN false END AS two
  RETURN collect({
    id: x.id,
    near: near,
    two: two,
    links: CASE WHEN two = false THEN COLLECT {
      MATCH (x)-[:CONNECTED_TO]-(w)
      WHERE w <> me AND NOT w IN blocked
      RETURN w.id
    } ELSE [] END
  }) AS reach
}
RETURN cut, CASE WHEN NOT cut THEN reach END AS reach
