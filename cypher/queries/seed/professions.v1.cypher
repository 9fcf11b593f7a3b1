// name: seed.professions
// version: 1
// mode: read
// params: none
// returns: one row per profession (reference data, V0003): name, industry, complements (names,
//   sorted)
// example params (cypher-shell / Browser): :params {}
MATCH (p:Profession)
OPTIONAL MATCH (p)-[:COMPLEMENTS]-(c:Profession)
WITH p, c
ORDER BY c.name
RETURN p.name AS name, p.industry AS industry, collect(DISTINCT c.name) AS complements
ORDER BY name
