// name: views.shift_counts
// version: 1
// mode: write
// params: updates (list of map)
// returns: one row per counts part moved: person_id. Each update {person_id, shift, old_version,
//   new_version} adds shift ([first, second, third]) to the counts part of person_id's view
//   when it is at old_version, and moves it to new_version (an own connection made or removed,
//   taken in exactly: docs/views.md). Its computed_at (the answer's as_of) stays. Counts the
//   change (changes), so that a refresh computed meanwhile is not saved over it.
// example params (cypher-shell / Browser): :params {updates: [{person_id: '107', shift: [1, -1, 0], old_version: 1, new_version: 2}]}
UNWIND $updates AS u
MATCH (v:NetworkView {person_id: u.person_id, part: 'counts'})
WHERE v.version = u.old_version AND v.first IS NOT NULL
SET v.first = v.first + u.shift[0],
    v.second = v.second + u.shift[1],
    v.third = v.third + u.shift[2],
    v.version = u.new_version,
    v.changes = coalesce(v.changes, 0) + 1
RETURN v.person_id AS person_id
