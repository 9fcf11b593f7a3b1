// name: views.network_counts
// version: 1
// mode: read
// params: person_id (string)
// returns: one row when person_id exists. With a current view of them (computed, and not older than
//   their own latest change): first, second, third (network.network_counts as of the view) and
//   as_of. Without one: nulls, and work (see views.work).
// example params (cypher-shell / Browser): :params {person_id: '107'}
MATCH (me:Person {id: $person_id})
OPTIONAL MATCH (v:NetworkView {person_id: $person_id, part: 'counts'})
WHERE v.computed_at IS NOT NULL AND v.version = coalesce(me.network_version, 0)
// Without a current view, what a live answer reads (see views.work): whether to compute one.
CALL (me, v) {
  WITH me WHERE v IS NULL
  MATCH (me)-[:CONNECTED_TO]-(f)
  RETURN sum(COUNT { (f)-[:CONNECTED_TO]-() }) AS work
}
RETURN v.first AS first, v.second AS second, v.third AS third, v.computed_at AS as_of, work
