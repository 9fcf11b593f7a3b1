// name: export.blocks
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the people the caller blocked: person_id, at (blocks of the caller are their
//   authors' data, not the caller's)
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (:Person {id: $person_id})-[b:BLOCKED]->(other:Person)
WHERE other.id > $after
RETURN other.id AS key, {person_id: other.id, at: b.at} AS item
ORDER BY key
LIMIT $limit
