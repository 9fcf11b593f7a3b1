// name: views.holders
// version: 3
// mode: read
// params: people (list of string), parts (list of string)
// returns: one row per view part of a connection of one of people: person_id (whose connection),
//   holder, part. The view parts that changes of people's connections move (the neighbours'
//   deltas, docs/views.md); a part being computed for the first time is there too, so that its
//   compute is not saved over the change. Cost per person: the cheaper of one index seek per
//   connection and part, or one pair-key seek per stored view part (a hub with more
//   connections than there are views: 17.5k connections x 2 parts against a few hundred views).
// example params (cypher-shell / Browser): :params {people: ['107', '2'], parts: ['second', 'suggestions']}
MATCH (stored:NetworkView)
WITH count(stored) AS views
UNWIND $people AS person_id
MATCH (p:Person {id: person_id})
CALL (p, views) {
  WITH p WHERE COUNT { (p)-[:CONNECTED_TO]-() } * size($parts) <= views
  MATCH (p)-[:CONNECTED_TO]-(f:Person)
  UNWIND $parts AS part
  MATCH (v:NetworkView {person_id: f.id, part: part})
  RETURN f.id AS holder, part
  UNION
  WITH p WHERE COUNT { (p)-[:CONNECTED_TO]-() } * size($parts) > views
  MATCH (v:NetworkView)
  WHERE v.part IN $parts AND v.person_id <> p.id
    AND EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN p.id < v.person_id THEN p.id + '|' + v.person_id
                                             ELSE v.person_id + '|' + p.id END}]->() }
  RETURN v.person_id AS holder, v.part AS part
}
RETURN person_id, holder, part
