// name: seed.delete_people_batch
// version: 1
// mode: write
// params: limit (int)
// returns: one row: deleted (people deleted with what is left of their relationships; 0 when none
//   are left)
// example params (cypher-shell / Browser): :params {limit: 5000}
// Benchmarks start from an empty graph: run seed.delete_relationships_batch first, then this,
// each until it returns 0.
MATCH (p:Person)
WITH p LIMIT $limit
DETACH DELETE p
RETURN count(*) AS deleted
