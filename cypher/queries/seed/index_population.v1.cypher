// name: seed.index_population
// version: 1
// mode: read
// params: none
// returns: one row per index (constraints' included): name, state (ONLINE, POPULATING, FAILED),
//   percent (populated)
// example params (cypher-shell / Browser): :params {}
// After a bulk load the migrations create every index on the imported data; the API serves once
// all are ONLINE.
SHOW INDEXES YIELD name, state, populationPercent
RETURN name, state, populationPercent AS percent
ORDER BY name
