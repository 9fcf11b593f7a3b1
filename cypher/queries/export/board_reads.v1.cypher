// name: export.board_reads
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: reads of target boards: direction (of_yours: someone read the caller's board;
//   by_you: the caller read someone's), person_id (the reader, or the board's owner), at
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (me:Person {id: $person_id})-[:HAS_BOARD_READ|READ_BOARD]->(r:BoardRead)
        <-[:HAS_BOARD_READ|READ_BOARD]-(other:Person)
WHERE other <> me
WITH r, other, CASE WHEN EXISTS { (me)-[:HAS_BOARD_READ]->(r) } THEN 'of_yours' ELSE 'by_you' END
       AS direction
WITH r, other, direction, direction + '|' + r.id AS key
WHERE key > $after
RETURN key, {direction: direction, person_id: other.id, at: r.at} AS item
ORDER BY key
LIMIT $limit
