// name: seed.delete_people_batch
// version: 1
// mode: write
// params: limit (int)
// returns: one row: deleted (people deleted with all their relationships; 0 when none are left)
// example params (cypher-shell / Browser): :param limit => 5000;
// Benchmarks start from an empty graph: run it until it returns 0 (bounded transactions).
MATCH (p:Person)
WITH p LIMIT $limit
DETACH DELETE p
RETURN count(*) AS deleted
