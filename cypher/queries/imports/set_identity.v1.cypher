// name: imports.set_identity
// version: 1
// mode: write
// params: person_id (string), linkedin_key (string), linkedin_url (string), emails (list of map),
//   now (datetime)
// returns: at most one row (none: no such person): taken (another person has linkedin_key: nothing
//   was written), linkedin_url and emails as imports.identity returns them. Otherwise sets the
//   person's LinkedIn profile (null: none) and makes their addresses exactly emails ({hash,
//   address}: an Email node each, keyed person_id|hash; the others go). The uniqueness of
//   Person.linkedin_key (V0022) settles two people claiming one profile at the same instant.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana', linkedin_key: 'in/ana-costa', linkedin_url: 'https://www.linkedin.com/in/ana-costa', emails: [{hash: 'ab12', address: 'ana@example.com'}], now: datetime()}
MATCH (p:Person {id: $person_id})
OPTIONAL MATCH (other:Person {linkedin_key: $linkedin_key})
WHERE other <> p
CALL (p, other) {
  WITH p WHERE other IS NULL
  SET p.linkedin_key = $linkedin_key, p.linkedin_url = $linkedin_url
  WITH p
  OPTIONAL MATCH (p)-[:HAS_EMAIL]->(gone:Email)
  WHERE NOT gone.hash IN [e IN $emails | e.hash]
  DETACH DELETE gone
}
CALL (p, other) {
  WITH p WHERE other IS NULL
  UNWIND $emails AS email
  MERGE (e:Email {key: p.id + '|' + email.hash})
    ON CREATE SET e.hash = email.hash, e.added_at = $now
  SET e.address = email.address
  MERGE (p)-[:HAS_EMAIL]->(e)
}
RETURN other IS NOT NULL AS taken, p.linkedin_url AS linkedin_url,
       COLLECT { MATCH (p)-[:HAS_EMAIL]->(e:Email) RETURN e.address ORDER BY e.address } AS emails
