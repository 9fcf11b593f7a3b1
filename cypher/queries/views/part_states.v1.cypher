// name: views.part_states
// version: 1
// mode: read
// params: views (list of map)
// returns: one row per view part {person_id, part} that exists: person_id, part, changes (how many
//   deltas it has taken in so far), computed_at (null while it is computed for the first time) and
//   computed (it has entries). Read before a neighbours' delta computes entries without the parts'
//   locks; views.lock v3 returns the same state under the lock, and a part whose state moved
//   meanwhile (a delta, a refresh saved) has its entries computed again there.
// example params (cypher-shell / Browser): :params {views: [{person_id: '2', part: 'second'}, {person_id: '3', part: 'suggestions'}]}
UNWIND $views AS view
MATCH (v:NetworkView {person_id: view.person_id, part: view.part})
RETURN v.person_id AS person_id, v.part AS part, coalesce(v.changes, 0) AS changes,
       v.computed_at AS computed_at, v.keys IS NOT NULL AND v.computed_at IS NOT NULL AS computed
