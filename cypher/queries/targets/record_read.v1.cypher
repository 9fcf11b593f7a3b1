// name: targets.record_read
// version: 1
// mode: write
// params: seeker_id (string), reader_id (string), id (string), now (datetime)
// returns: at most one row, when seeker_id shares the board with reader_id and can be read now
//   (still 1st connections, no block between them): id (of the read). Records the read in the
//   seeker's log as a BoardRead node.
// example params (cypher-shell / Browser): :params {seeker_id: 'demo-ada', reader_id: 'demo-ben', id: 'r1', now: datetime()}
MATCH (seeker:Person {id: $seeker_id})-[:SHARES_BOARD]->(reader:Person {id: $reader_id})
WHERE EXISTS { (seeker)-[:CONNECTED_TO]-(reader) } AND NOT EXISTS { (seeker)-[:BLOCKED]-(reader) }
CREATE (seeker)-[:HAS_BOARD_READ]->(:BoardRead {id: $id, at: $now})
         <-[:READ_BOARD]-(reader)
RETURN $id AS id
