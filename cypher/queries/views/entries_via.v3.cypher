// name: views.entries_via
// version: 3
// mode: read
// params: pairs (list of list of string), part (string)
// returns: one row per pair [holder, person] whose holder's view part lists someone connected to
//   person: holder, person_id (person), entries (those entries as stored: {id, key, mutual_count,
//   recommended_by, sample}). When person's own number of connections changes their Adamic-Adar
//   weight, these entries' scores change (docs/views.md): by the weight's move exactly, when the
//   entry was computed before the change. Cost: one pair-key index seek per entry and pair.
// example params (cypher-shell / Browser): :params {pairs: [['2', '107'], ['3', '107']], part: 'suggestions'}
UNWIND $pairs AS pair
MATCH (v:NetworkView {person_id: pair[0], part: $part})
WITH v, pair[1] AS x, v.sample_size AS stride
WITH v, x, [i IN range(0, size(coalesce(v.ids, [])) - 1)
            WHERE EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN x < v.ids[i] THEN x + '|' + v.ids[i]
                                                        ELSE v.ids[i] + '|' + x END}]->() } |
            {id: v.ids[i], key: v.keys[i], mutual_count: v.mutual_counts[i],
             recommended_by: v.recommended_by[i],
             sample: v.samples[i * stride .. (i + 1) * stride]}] AS entries
WHERE size(entries) > 0
RETURN v.person_id AS holder, x AS person_id, entries
