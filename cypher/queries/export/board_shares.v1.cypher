// name: export.board_shares
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: target boards shared by the caller or with them: direction (given: the caller
//   shares theirs; received: someone shares theirs with the caller), person_id, since
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (me:Person {id: $person_id})-[s:SHARES_BOARD]-(other:Person)
WITH other, s, CASE WHEN startNode(s) = me THEN 'given' ELSE 'received' END AS direction
WITH other, s, direction, direction + '|' + other.id AS key
WHERE key > $after
RETURN key, {direction: direction, person_id: other.id, since: s.since} AS item
ORDER BY key
LIMIT $limit
