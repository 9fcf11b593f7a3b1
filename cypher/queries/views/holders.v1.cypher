// name: views.holders
// version: 1
// mode: read
// params: person_id (string), other_id (string), parts (list of string)
// returns: one row per connection of person_id but other_id whose network view has some of parts
//   computed: id, parts (which). The views a change of person_id's connections moves (the
//   neighbours' deltas, docs/views.md). Cost: one index seek per connection.
// example params (cypher-shell / Browser): :params {person_id: '107', other_id: '2', parts: ['second', 'suggestions']}
MATCH (:Person {id: $person_id})-[:CONNECTED_TO]-(f:Person)
WHERE f.id <> $other_id
WITH f, [part IN $parts WHERE EXISTS {
           MATCH (v:NetworkView {person_id: f.id, part: part})
           WHERE v.keys IS NOT NULL AND v.computed_at IS NOT NULL }] AS parts
WHERE size(parts) > 0
RETURN f.id AS id, parts
