// name: views.merge
// version: 1
// mode: write
// params: updates (list of map), cap (int)
// returns: one row per ranked view part updated: person_id, part. Each update {person_id, part,
//   remove, add, raise_floor, floor_at_least, old_version, new_version} changes the 'second' or
//   'suggestions' part of person_id's view: the entries of the ids in remove and in add leave, the
//   entries in add ({id, key, mutual_count, recommended_by, sample}, as views.second_entries
//   returns them) come in, the list is sorted again (key desc, then id) and cut after cap entries;
//   the floor (every candidate ranked above it is in the list, with its exact key) rises by
//   raise_floor, to floor_at_least ({key, id} or null) and to the first entry cut. With
//   old_version, a part at that version moves to new_version (an own change it has taken in);
//   otherwise its version stays. Takes the part's lock first and counts the change (changes), so
//   that a refresh computed meanwhile is not saved over it.
// example params (cypher-shell / Browser): :params {updates: [{person_id: '107', part: 'second', remove: ['2'], add: [{id: '3', key: 2, mutual_count: 2, recommended_by: 0, sample: ['4', '5', '']}], raise_floor: 0, floor_at_least: null, old_version: null, new_version: null}], cap: 400}
UNWIND $updates AS u
MATCH (v:NetworkView {person_id: u.person_id, part: u.part})
WHERE v.keys IS NOT NULL
SET v.changes = coalesce(v.changes, 0) + 1
WITH v, u, v.sample_size AS stride, u.remove + [e IN u.add | e.id] AS dropped
WITH v, u, stride,
     [i IN range(0, size(v.ids) - 1) WHERE NOT v.ids[i] IN dropped |
        {id: v.ids[i], key: v.keys[i], mutual_count: v.mutual_counts[i],
         recommended_by: v.recommended_by[i], sample: v.samples[i * stride .. (i + 1) * stride]}]
       + u.add AS merged,
     v.floor_key + u.raise_floor AS raised_key, v.floor_id AS raised_id, u.floor_at_least AS least
// A floor ranks higher with a higher key, then with a lower id (fewer entries above it).
WITH v, u, stride, merged,
     least IS NOT NULL AND (least.key > raised_key OR (least.key = raised_key AND least.id < raised_id))
       AS to_least, raised_key, raised_id, least
WITH v, u, stride, merged,
     CASE WHEN to_least THEN least.key ELSE raised_key END AS floor_key,
     CASE WHEN to_least THEN least.id ELSE raised_id END AS floor_id
CALL (merged) {
  UNWIND merged AS e
  WITH e ORDER BY e.key DESC, e.id
  RETURN collect(e) AS sorted
}
// Past the cap the list is cut: the first entry cut becomes the floor when it ranks above it.
WITH v, u, stride, sorted, floor_key, floor_id,
     size(sorted) > $cap
     AND (sorted[$cap].key > floor_key
          OR (sorted[$cap].key = floor_key AND sorted[$cap].id < floor_id)) AS cut_raises
WITH v, u, stride, sorted[..$cap] AS kept,
     CASE WHEN cut_raises THEN sorted[$cap].key ELSE floor_key END AS floor_key,
     CASE WHEN cut_raises THEN sorted[$cap].id ELSE floor_id END AS floor_id
SET v.ids = [e IN kept | e.id],
    v.keys = [e IN kept | e.key],
    v.mutual_counts = [e IN kept | e.mutual_count],
    v.recommended_by = [e IN kept | e.recommended_by],
    v.samples = [i IN range(0, size(kept) * stride - 1) | kept[i / stride].sample[i % stride]],
    v.floor_key = floor_key,
    v.floor_id = floor_id,
    v.version = CASE WHEN u.old_version IS NOT NULL AND v.version = u.old_version
                     THEN u.new_version ELSE v.version END
RETURN v.person_id AS person_id, v.part AS part
