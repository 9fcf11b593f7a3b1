// name: targets.reads
// version: 1
// mode: read
// params: person_id (string), after_instant (int), after_id (string), limit (int)
// returns: the reads of person_id's board by someone else, newest first, after the cursor
//   (after_instant, after_id; nulls for the first page): id, reader (summary), at, instant (at
//   in ns, for the cursor)
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', after_instant: null, after_id: null, limit: 21}
MATCH (:Person {id: $person_id})-[:HAS_BOARD_READ]->(r:BoardRead)<-[:READ_BOARD]-(reader:Person)
WITH r, reader, r.at.epochSeconds * 1000000000 + r.at.nanosecond AS instant
WHERE $after_instant IS NULL OR instant < $after_instant
   OR (instant = $after_instant AND r.id > $after_id)
RETURN r.id AS id, reader {.id, .name, .headline, .location, .industry, .profession} AS reader,
       r.at AS at, instant
ORDER BY instant DESC, id
LIMIT $limit
