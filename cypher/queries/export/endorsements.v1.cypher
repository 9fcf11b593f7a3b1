// name: export.endorsements
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: skill endorsements the caller gave or received: direction (given,
//   received), person_id, skill, at
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (me:Person {id: $person_id})-[e:ENDORSED]-(other:Person)
WITH other, e, CASE WHEN startNode(e) = me THEN 'given' ELSE 'received' END AS direction
WITH other, e, direction, direction + '|' + e.key AS key
WHERE key > $after
RETURN key, {direction: direction, person_id: other.id, skill: e.skill, at: e.at} AS item
ORDER BY key
LIMIT $limit
