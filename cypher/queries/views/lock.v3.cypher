// name: views.lock
// version: 3
// mode: write
// params: views (list of map)
// returns: one row per view part locked: person_id, part, changes (the deltas it had taken in
//   before this one), computed_at and computed (false: being computed for the first time, no
//   entries yet), read after the lock: the state views.part_states returns. Each view {person_id,
//   part}: takes the part's lock (in (person_id, part) order, the order every background delta
//   takes them) and counts a change, before a background delta merges its entries: an own delta
//   of the person waits for it, or commits first and is seen by it (its count moved the state); a
//   refresh computed meanwhile is not saved.
// example params (cypher-shell / Browser): :params {views: [{person_id: '2', part: 'second'}, {person_id: '3', part: 'suggestions'}]}
UNWIND $views AS view
WITH view ORDER BY view.person_id, view.part
MATCH (v:NetworkView {person_id: view.person_id, part: view.part})
SET v.changes = coalesce(v.changes, 0) + 1
WITH v
RETURN v.person_id AS person_id, v.part AS part, v.changes - 1 AS changes,
       v.computed_at AS computed_at, v.keys IS NOT NULL AND v.computed_at IS NOT NULL AS computed
