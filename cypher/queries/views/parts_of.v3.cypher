// name: views.parts_of
// version: 3
// mode: write
// params: person_ids (list of string), parts (list of string)
// returns: one row per computed part of the network views of these people: person_id, part,
//   version. views.own_parts for many people at once (a LinkedIn import matches thousands, few of
//   whom have a view); takes each part's lock (counting a change) the same way. A part being
//   recomputed (its lease held) is marked replay_lost: views.save does not replay these changes
//   on a compute they overtook; it computes again.
//   v3: person_ids sorted, parts = every part name, sorted; each part looked up by (person_id,
//   part) in (person, part) order, as views.lock takes them (v2 scanned every stored view part,
//   and took the locks in the store's order).
// example params (cypher-shell / Browser): :params {person_ids: ['demo-ana', 'demo-ben'], parts: ['counts', 'second', 'suggestions']}
UNWIND $person_ids AS person_id
UNWIND $parts AS part
MATCH (v:NetworkView {person_id: person_id, part: part})
WHERE v.computed_at IS NOT NULL
SET v.changes = coalesce(v.changes, 0) + 1,
    v.replay_lost = CASE WHEN v.lease IS NOT NULL THEN true ELSE v.replay_lost END
RETURN v.person_id AS person_id, v.part AS part, v.version AS version
ORDER BY person_id, part
