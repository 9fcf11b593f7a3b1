// name: views.save
// version: 1
// mode: write
// params: person_id (string), part (string), lease (string), fields (map)
// returns: one row (person_id) when the view was written, none when the lease was lost (expired and
//   taken by another, or the view deleted). Writes the whole view in one transaction: readers see
//   the old view or the new one, never a mix, and frees the lease.
// example params (cypher-shell / Browser): :params {person_id: '107', part: 'counts', lease: 'l1', fields: {version: 0, computed_at: datetime(), first: 0, second: 0, third: 0}}
MATCH (v:NetworkView {person_id: $person_id, part: $part})
WHERE v.lease = $lease
SET v += $fields
REMOVE v.lease, v.lease_until
RETURN v.person_id AS person_id
