// name: targets.set_order
// version: 1
// mode: write
// params: person_id (string), organization_ids (list of string)
// returns: one row: ordered, how many targets got a position (the place of their organization in
//   organization_ids, from 1). Run after targets.lock in the same transaction.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', organization_ids: ['demo-org-northwind']}
MATCH (:Person {id: $person_id})-[t:TARGETS]->(o:Organization)
WHERE o.id IN $organization_ids
SET t.position = [i IN range(0, size($organization_ids) - 1)
                  WHERE $organization_ids[i] = o.id][0] + 1
RETURN count(t) AS ordered
