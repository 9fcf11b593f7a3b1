// name: seed.delete_relationships_batch
// version: 1
// mode: write
// params: limit (int)
// returns: one row: deleted (relationships of people deleted; 0 when none are left)
// example params (cypher-shell / Browser): :params {limit: 10000}
// Benchmarks start from an empty graph: run it until it returns 0, then seed.delete_people_batch
// (deleting hubs with DETACH DELETE alone would need their whole neighbourhood in one transaction).
MATCH (a)-[r]->(b)
WHERE a:Person OR b:Person
WITH r LIMIT $limit
DELETE r
RETURN count(*) AS deleted
