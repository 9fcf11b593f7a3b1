// name: views.release
// version: 1
// mode: write
// params: person_id (string), part (string), lease (string)
// returns: one row (person_id) when the lease was still this caller's and is now freed, none
//   otherwise. For a compute that failed: the next due request may try again at once.
// example params (cypher-shell / Browser): :params {person_id: '107', part: 'second', lease: 'l1'}
MATCH (v:NetworkView {person_id: $person_id, part: $part})
WHERE v.lease = $lease
REMOVE v.lease, v.lease_until
RETURN v.person_id AS person_id
