// name: views.parts_of
// version: 2
// mode: write
// params: person_ids (list of string)
// returns: one row per computed part of the network views of these people: person_id, part,
//   version, ids (the entries' ids of a ranked part, best first; null for 'counts').
//   views.own_parts for many people at once (a LinkedIn import matches thousands, and connects
//   hundreds, few of whom have a view); takes each part's lock (counting a change) the same way,
//   so that no background delta changes a list between this read and views.merge.
// example params (cypher-shell / Browser): :params {person_ids: ['demo-ana', 'demo-ben']}
MATCH (v:NetworkView)
WHERE v.person_id IN $person_ids AND v.computed_at IS NOT NULL
SET v.changes = coalesce(v.changes, 0) + 1
RETURN v.person_id AS person_id, v.part AS part, v.version AS version,
       CASE WHEN v.keys IS NOT NULL THEN v.ids END AS ids
ORDER BY person_id, part
