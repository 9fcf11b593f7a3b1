// name: targets.delete_for_person
// version: 1
// mode: write
// params: person_id (string)
// returns: one row: reads (how many BoardRead nodes were deleted): the reads of the person's
//   board and the reads they made of others' boards. Their targets and shares are relationships
//   and go with the person.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada'}
OPTIONAL MATCH (:Person {id: $person_id})-[:HAS_BOARD_READ|READ_BOARD]->(r:BoardRead)
DETACH DELETE r
RETURN count(r) AS reads
