// name: careers.bench_organizations
// version: 1
// mode: read
// params: prefix (string)
// returns: one row per organization whose id starts with prefix: id, name, people (how many people
//   hold or held a position there), largest first
// example params (cypher-shell / Browser): :params {prefix: 'go'}
MATCH (o:Organization)
WHERE o.id STARTS WITH $prefix
RETURN o.id AS id, o.name AS name, COUNT { (o)<-[:WORKED_AT]-() } AS people
ORDER BY people DESC, id
