// Target companies (backend/targets): a job seeker's board, shared with coaches, and the log of
// who read it.
//   (:Person)-[:TARGETS {position, notes, added_at}]->(:Organization): position 1..50, no gaps
//   (:Person)-[:SHARES_BOARD {since}]->(:Person): the seeker shares the board with a coach
//   (:Person)-[:HAS_BOARD_READ]->(:BoardRead {id, at})<-[:READ_BOARD]-(:Person):
//   one node per read of the board by someone else (the seeker's log)
CREATE CONSTRAINT board_read_id_unique IF NOT EXISTS
FOR (r:BoardRead) REQUIRE r.id IS UNIQUE;
