// name: imports.claim_contacts
// version: 1
// mode: write
// params: person_id (string), linkedin_key (string), email_hashes (list of string),
//   import_id (string), now (datetime)
// returns: one row per contact of someone else that now names person_id: owner_id, connected_on
//   (the contact's Connected On), connected (the two are connected). The contacts matched:
//   those not naming anyone yet whose url_key is linkedin_key, or whose email_hash is one of
//   email_hashes that nobody else holds; never one whose owner and person_id are blocked either
//   way. Run when person_id sets their LinkedIn identity (they joined, or added a URL or an
//   address).
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana', linkedin_key: 'in/ana-costa', email_hashes: [], import_id: 'i1', now: datetime()}
MATCH (me:Person {id: $person_id})
CALL (me) {
  MATCH (c:Contact {url_key: $linkedin_key})
  RETURN c
  UNION
  UNWIND $email_hashes AS hash
  MATCH (c:Contact {email_hash: hash})
  WHERE COUNT { (:Email {hash: hash})<-[:HAS_EMAIL]-(holder:Person) WHERE holder <> me } = 0
  RETURN c
}
MATCH (owner:Person)-[:HAS_CONTACT]->(c)
WHERE owner <> me AND NOT EXISTS { (c)-[:MATCHES]->() }
  AND NOT EXISTS { (owner)-[:BLOCKED]-(me) }
MERGE (c)-[m:MATCHES]->(me)
  ON CREATE SET m.import_id = $import_id, m.at = $now
RETURN owner.id AS owner_id, c.connected_on AS connected_on,
       EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < owner.id THEN me.id + '|' + owner.id
                                              ELSE owner.id + '|' + me.id END}]->() } AS connected
