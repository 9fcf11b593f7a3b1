// name: views.own_parts
// version: 3
// mode: write
// params: person_id (string), other_ids (list of string), parts (list of string)
// returns: one row per computed part of person_id's network view: part, version, ids (the entries'
//   ids of a ranked part, best first; null for 'counts'). Takes each part's lock (counting a
//   change), so that no background delta changes the list between this read and views.merge in
//   the same transaction. A part being recomputed (its lease held) logs the change for
//   views.save: the other people of a change with others (replay_via: the candidates reached
//   through them are recomputed on the new compute), or, without others (a profile change),
//   that the change cannot be replayed (replay_lost).
//   v3: parts = every part name, sorted; each part looked up by (person_id, part) in that order,
//   as views.lock takes them (v2 scanned every stored view part, and took the locks in the
//   store's order).
// example params (cypher-shell / Browser): :params {person_id: '107', other_ids: ['2'], parts: ['counts', 'second', 'suggestions']}
UNWIND $parts AS part
MATCH (v:NetworkView {person_id: $person_id, part: part})
WHERE v.computed_at IS NOT NULL
SET v.changes = coalesce(v.changes, 0) + 1
WITH v, v.lease IS NOT NULL AS leased
SET v.replay_via = CASE WHEN leased THEN coalesce(v.replay_via, []) + $other_ids
                        ELSE v.replay_via END,
    v.replay_lost = CASE WHEN leased AND size($other_ids) = 0 THEN true ELSE v.replay_lost END
RETURN v.part AS part, v.version AS version, CASE WHEN v.keys IS NOT NULL THEN v.ids END AS ids
ORDER BY part
