// Careers (backend/organizations, backend/careers): organizations and schools as nodes,
// positions and education as relationships to them.
//   (:Organization {id, kind: company|school, name, name_key, domain, linkedin, aliases,
//                   search_text, created_at})
//   (:OrganizationKey {key, organization_id})-[:KEY_OF]->(:Organization): one node per lookup
//   key ('company:name:acme', 'company:domain:acme.com', 'company:linkedin:acme-inc'); the
//   uniqueness of `key` makes one organization per key, even when two people add "Acme Inc"
//   and "ACME inc" at the same instant.
//   (:Person)-[:WORKED_AT {id, title, start, end, location, description, created_at}]->(:Organization)
//   (:Person)-[:STUDIED_AT {id, degree, field, start, end, created_at}]->(:Organization)
//   start and end are months (year * 12 + month - 1); end null = current.
CREATE CONSTRAINT organization_id_unique IF NOT EXISTS
FOR (o:Organization) REQUIRE o.id IS UNIQUE;

CREATE CONSTRAINT organization_key_unique IF NOT EXISTS
FOR (k:OrganizationKey) REQUIRE k.key IS UNIQUE;

CREATE CONSTRAINT position_id_unique IF NOT EXISTS
FOR ()-[w:WORKED_AT]-() REQUIRE w.id IS UNIQUE;

CREATE CONSTRAINT education_id_unique IF NOT EXISTS
FOR ()-[s:STUDIED_AT]-() REQUIRE s.id IS UNIQUE;

// Typeahead: `search_text` holds the folded name and aliases (backend/organizations/names.py).
CREATE FULLTEXT INDEX organization_names IF NOT EXISTS
FOR (o:Organization) ON EACH [o.search_text]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};
