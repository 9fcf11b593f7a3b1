// name: views.entries_via
// version: 1
// mode: read
// params: person_id (string), holders (list of string), part (string)
// returns: one row per holder whose view part lists someone connected to person_id: holder, ids
//   (those entries). When person_id's own number of connections changes its Adamic-Adar weight,
//   these entries' scores change (docs/views.md). Cost: one pair-key index seek per entry.
// example params (cypher-shell / Browser): :params {person_id: '107', holders: ['2', '3'], part: 'suggestions'}
MATCH (x:Person {id: $person_id})
UNWIND $holders AS holder
MATCH (v:NetworkView {person_id: holder, part: $part})
WITH v, [id IN coalesce(v.ids, [])
         WHERE EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN x.id < id THEN x.id + '|' + id
                                                      ELSE id + '|' + x.id END}]->() }] AS ids
WHERE size(ids) > 0
RETURN v.person_id AS holder, ids
