// name: imports.bench_reset
// version: 2
// mode: write
// params: prefix (string)
// returns: one row: people (deleted). Deletes the people whose id starts with prefix (the
//   benchmark's importer and group), with their tokens, emails, notifications and contacts, every
//   contact naming the benchmark's profiles, and the profiles given to generated people: the next
//   run starts from the generated network again. In batches (CALL ... IN TRANSACTIONS: run it
//   auto-commit): a full run leaves ~230,000 contacts, more than one transaction's memory holds.
// example params (cypher-shell / Browser): :params {prefix: 'lb-'}
MATCH (c:Contact)
WHERE c.key STARTS WITH $prefix OR c.url_key ENDS WITH '-bench'
   OR c.url_key = 'in/' + $prefix + 'importer'
CALL (c) { DETACH DELETE c } IN TRANSACTIONS OF 10000 ROWS
WITH count(*) AS contacts
MATCH (p:Person)
WHERE p.linkedin_key IS NOT NULL AND NOT p.id STARTS WITH $prefix
CALL (p) { REMOVE p.linkedin_key, p.linkedin_url } IN TRANSACTIONS OF 10000 ROWS
WITH count(*) AS profiles
MATCH (p:Person)-[:HAS_EMAIL|HAS_NOTIFICATION]->(x)
WHERE p.id STARTS WITH $prefix
CALL (x) { DETACH DELETE x } IN TRANSACTIONS OF 10000 ROWS
WITH count(*) AS owned
MATCH (t:Token)-[:AUTHENTICATES]->(p:Person)
WHERE p.id STARTS WITH $prefix
CALL (t) { DETACH DELETE t } IN TRANSACTIONS OF 10000 ROWS
WITH count(*) AS tokens
MATCH (p:Person)
WHERE p.id STARTS WITH $prefix
CALL (p) { DETACH DELETE p } IN TRANSACTIONS OF 1000 ROWS
RETURN count(*) AS people
