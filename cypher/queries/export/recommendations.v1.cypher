// name: export.recommendations
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: recommendations the caller wrote or received, in any state: role (author,
//   subject), the other person's id and every property of the recommendation
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (me:Person {id: $person_id})-[rel:WROTE|FOR]-(r:Recommendation)-[:WROTE|FOR]-(other:Person)
WHERE other <> me AND r.id > $after
RETURN r.id AS key,
       {role: CASE type(rel) WHEN 'WROTE' THEN 'author' ELSE 'subject' END,
        person_id: other.id, recommendation: properties(r)} AS item
ORDER BY key
LIMIT $limit
