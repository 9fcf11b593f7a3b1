// name: views.sync_version
// version: 1
// mode: write
// params: person_id (string), parts (list of string), old_version (int), new_version (int)
// returns: one row per part moved: part. Parts of person_id's view at old_version move to
//   new_version: an own change that does not change them (a profile change leaves the 2nd
//   connections and the counts as they are).
// example params (cypher-shell / Browser): :params {person_id: '107', parts: ['second', 'counts'], old_version: 1, new_version: 2}
MATCH (v:NetworkView {person_id: $person_id})
WHERE v.part IN $parts AND v.version = $old_version
SET v.version = $new_version
RETURN v.part AS part
