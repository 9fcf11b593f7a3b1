// name: export.dismissed_suggestions
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the people the caller asked never to be suggested again: person_id, at
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (:Person {id: $person_id})-[d:DISMISSED]->(other:Person)
WHERE other.id > $after
RETURN other.id AS key, {person_id: other.id, at: d.at} AS item
ORDER BY key
LIMIT $limit
