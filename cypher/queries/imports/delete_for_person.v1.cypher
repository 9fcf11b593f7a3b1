// name: imports.delete_for_person
// version: 1
// mode: write
// params: person_id (string)
// returns: one row: emails and contacts, how many of the person's Email and Contact nodes were
//   deleted. Run in the transaction that deletes the account, before the person goes: nothing
//   of their LinkedIn identity or their imported contacts stays behind.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana'}
OPTIONAL MATCH (p:Person {id: $person_id})
CALL (p) {
  OPTIONAL MATCH (p)-[:HAS_EMAIL]->(e:Email)
  DETACH DELETE e
  RETURN count(e) AS emails
}
CALL (p) {
  OPTIONAL MATCH (p)-[:HAS_CONTACT]->(c:Contact)
  DETACH DELETE c
  RETURN count(c) AS contacts
}
RETURN emails, contacts
