// name: views.entries_via
// version: 4
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
// The lists read once each (v3 indexed v.ids, v.keys, ... inside the list comprehension, a
// read of the whole stored list per entry and index).
WITH v, pair[1] AS x, v.sample_size AS stride, coalesce(v.ids, []) AS ids
WITH v, x, stride, ids,
     [i IN range(0, size(ids) - 1)
      WHERE EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN x < ids[i] THEN x + '|' + ids[i]
                                                  ELSE ids[i] + '|' + x END}]->() }] AS found
WHERE size(found) > 0
WITH v, x, stride, ids, found, v.keys AS keys, v.mutual_counts AS counts,
     v.recommended_by AS recommended, v.samples AS samples
WITH v, x, [i IN found | {id: ids[i], key: keys[i], mutual_count: counts[i],
                          recommended_by: recommended[i],
                          sample: samples[i * stride .. (i + 1) * stride]}] AS entries
RETURN v.person_id AS holder, x AS person_id, entries
