// name: views.within_three
// version: 1
// mode: read
// params: person_id (string), other_id (string), ids (list of string), budget (int)
// returns: one row: work (the connections of the connections of the people of ids: what the check
//   reads) and, when work <= budget, within: the ids that are at most 3 hops from person_id
//   without the connection between person_id and other_id and without passing through anyone
//   blocked either way with person_id (null past the budget). The people a network counts delta
//   could not place from other_id's side (views.counts_reach; docs/views.md). Cost: work
//   relationships read and pair-key index seeks at most, less as a path is found.
// example params (cypher-shell / Browser): :params {person_id: '107', other_id: '2', ids: ['3', '4'], budget: 20000}
MATCH (me:Person {id: $person_id})
CALL (me) {
  MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
CALL () {
  MATCH (z:Person)
  WHERE z.id IN $ids
  RETURN collect(z) AS people
}
CALL (people) {
  UNWIND people AS z
  MATCH (z)-[:CONNECTED_TO]-(u)
  RETURN sum(COUNT { (u)-[:CONNECTED_TO]-() }) AS work
}
CALL (me, blocked, people, work) {
  WITH me, blocked, people WHERE work <= $budget
  UNWIND people AS z
  WITH me, blocked, z
  WHERE EXISTS {
    MATCH (z)-[:CONNECTED_TO]-(u)
    WHERE u <> me AND NOT u IN blocked
      AND ((u.id <> $other_id
            AND EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < u.id THEN me.id + '|' + u.id
                                                       ELSE u.id + '|' + me.id END}]->() })
           OR EXISTS {
             MATCH (u)-[:CONNECTED_TO]-(v)
             WHERE v <> me AND v.id <> $other_id
               AND EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < v.id THEN me.id + '|' + v.id
                                                          ELSE v.id + '|' + me.id END}]->() }
           })
  }
  RETURN collect(z.id) AS within
}
RETURN work, CASE WHEN work <= $budget THEN within END AS within
