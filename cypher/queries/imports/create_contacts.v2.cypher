// name: imports.create_contacts
// version: 2
// mode: write
// params: person_id (string), rows (list of map), now (datetime)
// row: {id, key, first_name, last_name, name, url, url_key, email, email_hash, company, position,
//   connected_on (a date or null), member_id (the member the row names, or null)}
// returns: one row: matched (the contacts made to match a member). New contacts of person_id,
//   each (:Person)-[:HAS_CONTACT]->(:Contact), and (:Contact)-[:MATCHES {at}]->(:Person) to its
//   member. Run after connections.lock_pair on person_id and imports.known_contacts: the keys are
//   new (their uniqueness, V0022, refuses one that is not). The member is looked up for the rows
//   that name one only (v1 ran a subquery per row).
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana', rows: [{id: 'c1', key: 'demo-ana|url:in/ben', first_name: 'Ben', last_name: 'Okafor', name: 'Ben Okafor', url: 'https://www.linkedin.com/in/ben', url_key: 'in/ben', email: null, email_hash: null, company: 'Acme', position: 'CTO', connected_on: date('2024-03-15'), member_id: null}], now: datetime()}
MATCH (me:Person {id: $person_id})
UNWIND $rows AS row
CREATE (me)-[:HAS_CONTACT]->(c:Contact {
  id: row.id, key: row.key, first_name: row.first_name, last_name: row.last_name,
  name: row.name, url: row.url, url_key: row.url_key, email: row.email,
  email_hash: row.email_hash, company: row.company, position: row.position,
  connected_on: row.connected_on, imported_at: $now})
WITH c, row
WHERE row.member_id IS NOT NULL
MATCH (member:Person {id: row.member_id})
CREATE (c)-[:MATCHES {at: $now}]->(member)
RETURN count(*) AS matched
