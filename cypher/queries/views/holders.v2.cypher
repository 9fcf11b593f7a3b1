// name: views.holders
// version: 2
// mode: read
// params: people (list of string), parts (list of string)
// returns: one row per view part of a connection of one of people: person_id (whose connection),
//   holder, part. The view parts that changes of people's connections move (the neighbours'
//   deltas, docs/views.md); a part being computed for the first time is there too, so that its
//   compute is not saved over the change. Cost: one index seek per connection and part.
// example params (cypher-shell / Browser): :params {people: ['107', '2'], parts: ['second', 'suggestions']}
UNWIND $people AS person_id
MATCH (:Person {id: person_id})-[:CONNECTED_TO]-(f:Person)
UNWIND $parts AS part
MATCH (v:NetworkView {person_id: f.id, part: part})
RETURN person_id, f.id AS holder, part
