// name: seed.has_data
// version: 1
// mode: read
// params: none
// returns: one row: found (1 when the graph holds a node besides reference data and migration
//   records, else 0)
// example params (cypher-shell / Browser): :params {}
// The bulk load (`mutuals seed ... --bulk`) replaces the database: it refuses unless this is 0.
MATCH (n)
WHERE NOT n:Profession AND NOT n:__MutualsMigration
WITH n LIMIT 1
RETURN count(n) AS found
