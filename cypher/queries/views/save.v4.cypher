// name: views.save
// version: 4
// mode: write
// params: person_id (string), part (string), lease (string), changes (int), replayable (boolean),
//   fields (map)
// returns: one row when the lease was still this caller's: saved (true when the part was
//   written) and replay (null, or the log of the deltas to replay on it: {via, ids, weighed,
//   floor}); no row when the lease was lost (expired and taken by another, or the view deleted).
//   When no delta changed the part since its compute began (changes equal), the fields are written
//   as they are. When deltas did, and replayable is true (a ranked part) and each of them logged
//   what it recomputes (views.own_parts, views.lock: not replay_lost), the fields are written at
//   the person's network_version, and the caller recomputes in this same transaction the entries
//   of the log (deltas.replay), under the lock this statement took: the compute is kept, not
//   thrown away. Otherwise saved is false and the lease is kept for another try. Writes the whole
//   part in one transaction: readers see the old part or the new one, never a mix, and frees the
//   lease. Takes the part's lock before it reads changes: a delta that counts itself meanwhile
//   either commits first (and is seen, logged) or waits for this transaction.
// example params (cypher-shell / Browser): :params {person_id: '107', part: 'counts', lease: 'l1', changes: 0, replayable: false, fields: {version: 0, computed_at: datetime(), first: 0, second: 0, third: 0}}
MATCH (v:NetworkView {person_id: $person_id, part: $part})
WHERE v.lease = $lease
SET v._lock = true
WITH v
OPTIONAL MATCH (me:Person {id: $person_id})
WITH v, me, coalesce(v.changes, 0) = $changes AS unchanged,
     $replayable AND NOT coalesce(v.replay_lost, true) AS replayable,
     {via: coalesce(v.replay_via, []), ids: coalesce(v.replay_ids, []),
      weighed: coalesce(v.replay_weighed, []), floor: coalesce(v.replay_floor, 0)} AS log
WITH v, me, unchanged, unchanged OR replayable AS saved, log
CALL (v, me, unchanged, saved) {
  WITH v WHERE saved
  SET v += $fields
  SET v.version = CASE WHEN unchanged THEN v.version ELSE coalesce(me.network_version, 0) END
  REMOVE v.lease, v.lease_until, v.replay_via, v.replay_ids, v.replay_weighed, v.replay_floor,
         v.replay_lost
}
REMOVE v._lock
RETURN saved, CASE WHEN saved AND NOT unchanged THEN log END AS replay
