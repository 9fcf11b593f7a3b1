// name: views.save
// version: 3
// mode: write
// params: person_id (string), part (string), lease (string), changes (int), fields (map)
// returns: one row (saved: true) when the part was written; saved false when a delta changed the
//   part since its compute began (changes differs: the lease is kept for another try); no row when
//   the lease was lost (expired and taken by another, or the view deleted). Writes the whole part
//   in one transaction: readers see the old part or the new one, never a mix, and frees the lease.
//   Takes the part's lock before it reads changes: a delta that counts itself meanwhile either
//   commits first (and is seen) or waits for this save (and finds the part computed).
// example params (cypher-shell / Browser): :params {person_id: '107', part: 'counts', lease: 'l1', changes: 0, fields: {version: 0, computed_at: datetime(), first: 0, second: 0, third: 0}}
MATCH (v:NetworkView {person_id: $person_id, part: $part})
WHERE v.lease = $lease
SET v._lock = true
WITH v
WITH v, coalesce(v.changes, 0) = $changes AS saved
CALL (v, saved) {
  WITH v WHERE saved
  SET v += $fields
  REMOVE v.lease, v.lease_until
}
REMOVE v._lock
RETURN saved
