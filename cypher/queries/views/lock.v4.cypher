// name: views.lock
// version: 4
// mode: write
// params: views (list of map)
// returns: one row per view part locked: person_id, part, changes (the deltas it had taken in
//   before this one), computed_at and computed (false: being computed for the first time, no
//   entries yet), read after the lock: the state views.part_states returns. Each view {person_id,
//   part, ids, weighed, floor}: takes the part's lock (in (person_id, part) order, the order every
//   background delta takes them) and counts a change, before a background delta merges its
//   entries: an own delta of the person waits for it, or commits first and is seen by it (its
//   count moved the state). A part being computed (its lease held) logs what the delta
//   recomputes, for views.save to replay on the compute: the candidates ids, the people weighed
//   (whose Adamic-Adar weight moved: the entries reached through them) and the floor's rise; a
//   part computed for the first time takes no entries, so its log is marked replay_lost (that
//   compute is not saved: it computes again).
// example params (cypher-shell / Browser): :params {views: [{person_id: '2', part: 'second', ids: ['5'], weighed: [], floor: 0}, {person_id: '3', part: 'suggestions', ids: ['5'], weighed: ['4'], floor: 2}]}
UNWIND $views AS view
WITH view ORDER BY view.person_id, view.part
MATCH (v:NetworkView {person_id: view.person_id, part: view.part})
SET v.changes = coalesce(v.changes, 0) + 1
WITH v, view, v.keys IS NOT NULL AND v.computed_at IS NOT NULL AS computed,
     v.lease IS NOT NULL AS leased
SET v.replay_ids = CASE WHEN leased THEN coalesce(v.replay_ids, []) + view.ids
                        ELSE v.replay_ids END,
    v.replay_weighed = CASE WHEN leased THEN coalesce(v.replay_weighed, []) + view.weighed
                            ELSE v.replay_weighed END,
    v.replay_floor = CASE WHEN leased THEN coalesce(v.replay_floor, 0) + view.floor
                          ELSE v.replay_floor END,
    v.replay_lost = CASE WHEN leased AND NOT computed THEN true ELSE v.replay_lost END
RETURN v.person_id AS person_id, v.part AS part, v.changes - 1 AS changes,
       v.computed_at AS computed_at, computed
