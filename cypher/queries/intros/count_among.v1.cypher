// name: intros.count_among
// version: 1
// mode: read
// params: person_ids (list of string)
// returns: one row: introductions = how many introductions have a party among the given people (the
//   demo adds its own only once)
// example params (cypher-shell / Browser): :params {person_ids: ['demo-ana', 'demo-ben']}
MATCH (p:Person)-[:REQUESTED_INTRO|BROKERS|TO]-(i:Introduction)
WHERE p.id IN $person_ids
RETURN count(DISTINCT i) AS introductions
