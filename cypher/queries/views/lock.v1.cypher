// name: views.lock
// version: 1
// mode: write
// params: person_ids (list of string), part (string)
// returns: one row per view part locked: person_id. Takes the locks of these people's part (in id
//   order) and counts a change, before a background delta computes their entries: an own delta of
//   one of them waits for it, or commits first and is seen by it.
// example params (cypher-shell / Browser): :params {person_ids: ['2', '3'], part: 'second'}
UNWIND $person_ids AS person_id
WITH person_id ORDER BY person_id
MATCH (v:NetworkView {person_id: person_id, part: $part})
SET v.changes = coalesce(v.changes, 0) + 1
RETURN v.person_id AS person_id
