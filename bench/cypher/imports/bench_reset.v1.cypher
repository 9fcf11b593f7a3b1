// name: imports.bench_reset
// version: 1
// mode: write
// params: prefix (string)
// returns: one row: people (deleted). Deletes the people whose id starts with prefix (the
//   benchmark's importer and group), with their tokens, emails and contacts, every contact naming
//   the benchmark's profiles, and the profiles given to generated people: the next run starts
//   from the generated network again.
// example params (cypher-shell / Browser): :params {prefix: 'lb-'}
CALL () {
  MATCH (c:Contact)
  WHERE c.key STARTS WITH $prefix OR c.url_key ENDS WITH '-bench'
     OR c.url_key = 'in/' + $prefix + 'importer'
  DETACH DELETE c
}
CALL () {
  MATCH (p:Person)
  WHERE p.linkedin_key IS NOT NULL AND NOT p.id STARTS WITH $prefix
  REMOVE p.linkedin_key, p.linkedin_url
}
MATCH (p:Person)
WHERE p.id STARTS WITH $prefix
OPTIONAL MATCH (p)-[:HAS_EMAIL]->(e:Email)
OPTIONAL MATCH (t:Token)-[:AUTHENTICATES]->(p)
OPTIONAL MATCH (p)-[:HAS_NOTIFICATION]->(n:Notification)
DETACH DELETE e, t, n
WITH DISTINCT p
DETACH DELETE p
RETURN count(*) AS people
