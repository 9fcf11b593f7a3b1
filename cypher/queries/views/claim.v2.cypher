// name: views.claim
// version: 2
// mode: write
// params: person_id (string), part (string), create (boolean), lease (string), now (datetime),
//   lease_until (datetime), due_before (datetime)
// returns: one row (lease) when this caller may compute this part ('second', 'suggestions',
//   'counts') of the person's view, none otherwise: the person exists, nobody else holds an
//   unexpired lease on it, and it is due (never computed, computed before due_before, or older than
//   the person's own changes). Creates the (:NetworkView) on first use when create is true (else
//   only a part computed before is claimed). Two callers never both get a row. Starts the part's
//   replay log empty: what the deltas applied while the lease is held do, so that views.save can
//   replay them on a compute they overtook (replay_via, replay_ids, replay_weighed, replay_floor,
//   replay_lost; see views.own_parts, views.lock, views.parts_of).
// example params (cypher-shell / Browser): :params {person_id: '107', part: 'second', create: true, lease: 'l1', now: datetime(), lease_until: datetime() + duration('PT5M'), due_before: datetime()}
MATCH (me:Person {id: $person_id})
OPTIONAL MATCH (existing:NetworkView {person_id: $person_id, part: $part})
WITH me, existing
WHERE existing IS NOT NULL OR $create
MERGE (v:NetworkView {person_id: $person_id, part: $part})
// Writing first takes the view's lock, so the checks below read the last committed lease:
// a second claimer waits here for the first one's commit and then sees its lease.
SET v.claimed_at = $now
WITH me, v
WHERE (v.lease_until IS NULL OR v.lease_until < $now)
  AND (v.computed_at IS NULL OR v.computed_at < $due_before
       OR v.version <> coalesce(me.network_version, 0))
SET v.lease = $lease, v.lease_until = $lease_until,
    v.replay_via = [], v.replay_ids = [], v.replay_weighed = [], v.replay_floor = 0,
    v.replay_lost = false
RETURN v.lease AS lease
