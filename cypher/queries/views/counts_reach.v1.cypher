// name: views.counts_reach
// version: 1
// mode: read
// params: person_id (string), other_id (string), budget (int)
// returns: one row when both people exist: cut (they are blocked either way), work (the
//   connections of other_id's connections: what the rest reads) and, when work <= budget and not
//   cut: ones (other_id's connections), links ([x, w] for each connection w of each x in ones)
//   and near (the ids among ones and links that are connections of person_id; other_id never
//   is). person_id and the people blocked either way with person_id are never in ones nor links:
//   the people within 2 hops of other_id whose distance from person_id a connection between the
//   two moves (a network counts delta, docs/views.md). Cost: work relationships read and one
//   pair-key index seek per person reached, never more than 2 hops from other_id.
// example params (cypher-shell / Browser): :params {person_id: '107', other_id: '2', budget: 20000}
MATCH (me:Person {id: $person_id}), (other:Person {id: $other_id})
CALL (me) {
  MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
CALL (me, other, blocked) {
  MATCH (other)-[:CONNECTED_TO]-(x)
  WHERE x <> me AND NOT x IN blocked
  RETURN collect(x) AS ones, sum(COUNT { (x)-[:CONNECTED_TO]-() }) AS work
}
WITH me, other, blocked, ones, work, other IN blocked AS cut
CALL (me, blocked, ones, work, cut) {
  WITH me, blocked, ones WHERE work <= $budget AND NOT cut
  UNWIND ones AS x
  MATCH (x)-[:CONNECTED_TO]-(w)
  WHERE w <> me AND NOT w IN blocked
  RETURN collect([x.id, w.id]) AS links, collect(DISTINCT w) AS reached
}
CALL (me, other, ones, reached) {
  UNWIND ones + reached AS z
  WITH DISTINCT z
  WHERE z <> other
    AND EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < z.id THEN me.id + '|' + z.id
                                               ELSE z.id + '|' + me.id END}]->() }
  RETURN collect(z.id) AS near
}
RETURN cut, work, [x IN ones | x.id] AS ones, links, near
