// name: imports.bench_listed_by
// version: 1
// mode: write
// params: owner_ids (list of string), url_key (string), url (string)
// returns: one row: written. Gives each owner a contact naming the profile url_key, unmatched (as
//   if they had imported a LinkedIn export listing someone who is not a member yet).
// example params (cypher-shell / Browser): :params {owner_ids: ['g1'], url_key: 'in/bench-importer', url: 'https://www.linkedin.com/in/bench-importer'}
UNWIND $owner_ids AS owner_id
MATCH (owner:Person {id: owner_id})
MERGE (c:Contact {key: owner_id + '|url:' + $url_key})
  ON CREATE SET c.id = randomUUID(), c.name = 'Bench Importer', c.url = $url,
                c.url_key = $url_key, c.connected_on = date('2018-05-01'),
                c.imported_at = datetime()
MERGE (owner)-[:HAS_CONTACT]->(c)
RETURN count(*) AS written
