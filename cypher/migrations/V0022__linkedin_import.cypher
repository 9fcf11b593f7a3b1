// LinkedIn imports (backend/imports, docs/import-linkedin.md): who a person is on LinkedIn,
// and the rows of their exports.
//   (:Person {linkedin_key, linkedin_url}): the normalised profile ('in/ana-costa'); one
//   person per profile, even when two claim it at the same instant.
//   (:Person)-[:HAS_EMAIL]->(:Email {key: person_id + '|' + hash, hash, address, added_at}):
//   an address of theirs, private; `hash` is a keyed hash (HMAC-SHA256) of the folded
//   address, what imports match on.
//   (:Person)-[:HAS_CONTACT]->(:Contact {id, key, first_name, last_name, name, url, url_key,
//   email, email_hash, company, position, connected_on, imported_at}): a row of their
//   Connections.csv, private to them; `key` (owner id + the row's identity) makes one contact
//   per row however often the export is imported.
//   (:Contact)-[:MATCHES]->(:Person): the member the row names.
CREATE CONSTRAINT person_linkedin_key_unique IF NOT EXISTS
FOR (p:Person) REQUIRE p.linkedin_key IS UNIQUE;

CREATE CONSTRAINT email_key_unique IF NOT EXISTS
FOR (e:Email) REQUIRE e.key IS UNIQUE;

CREATE INDEX email_hash IF NOT EXISTS
FOR (e:Email) ON (e.hash);

CREATE CONSTRAINT contact_id_unique IF NOT EXISTS
FOR (c:Contact) REQUIRE c.id IS UNIQUE;

CREATE CONSTRAINT contact_key_unique IF NOT EXISTS
FOR (c:Contact) REQUIRE c.key IS UNIQUE;

CREATE INDEX contact_url_key IF NOT EXISTS
FOR (c:Contact) ON (c.url_key);

CREATE INDEX contact_email_hash IF NOT EXISTS
FOR (c:Contact) ON (c.email_hash);
