// name: views.entries_via
// version: 2
// mode: read
// params: pairs (list of list of string), part (string)
// returns: one row per pair [holder, person] whose holder's view part lists someone connected to
//   person: holder, ids (those entries). When person's own number of connections changes their
//   Adamic-Adar weight, these entries' scores change (docs/views.md). Cost: one pair-key index
//   seek per entry and pair.
// example params (cypher-shell / Browser): :params {pairs: [['2', '107'], ['3', '107']], part: 'suggestions'}
UNWIND $pairs AS pair
MATCH (v:NetworkView {person_id: pair[0], part: $part})
WITH v, pair[1] AS x
WITH v, [id IN coalesce(v.ids, [])
         WHERE EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN x < id THEN x + '|' + id
                                                      ELSE id + '|' + x END}]->() }] AS ids
WHERE size(ids) > 0
RETURN v.person_id AS holder, ids
