// name: views.stored_bytes
// version: 1
// mode: read
// params: person_id (string), parts (list of string)
// returns: one row: bytes = the payload of these parts of the person's view as last saved (0
//   for parts never computed), what a bound on the bytes of precomputed views counts.
// example params (cypher-shell / Browser): :params {person_id: '107', parts: ['second', 'suggestions']}
OPTIONAL MATCH (v:NetworkView {person_id: $person_id})
WHERE v.part IN $parts
RETURN coalesce(sum(v.bytes), 0) AS bytes
