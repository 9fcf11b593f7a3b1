// name: views.own_parts
// version: 1
// mode: write
// params: person_id (string)
// returns: one row per computed part of person_id's network view: part, version, ids (the entries'
//   ids of a ranked part, best first; null for 'counts'). Takes each part's lock (counting a
//   change), so that no background delta changes the list between this read and views.merge in
//   the same transaction.
// example params (cypher-shell / Browser): :params {person_id: '107'}
MATCH (v:NetworkView {person_id: $person_id})
WHERE v.computed_at IS NOT NULL
SET v.changes = coalesce(v.changes, 0) + 1
RETURN v.part AS part, v.version AS version, CASE WHEN v.keys IS NOT NULL THEN v.ids END AS ids
ORDER BY part
