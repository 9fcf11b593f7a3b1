// name: organizations.create
// version: 1
// mode: write
// params: key (string), id (string), kind (string), name (string), name_key (string), domain
//   (string), linkedin (string), search_text (string), now (datetime)
// returns: one row: organization ({id, kind, name, domain, linkedin}) named by key: a new one (id)
//   when no organization held the key, else the one that does (whoever added it first; the
//   uniqueness of OrganizationKey.key makes a racing second transaction wait and find it)
// example params (cypher-shell / Browser): :params {key: 'company:name:acme', id: 'org-acme', kind: 'company', name: 'Acme Inc', name_key: 'acme', domain: null, linkedin: null, search_text: 'acme inc', now: datetime()}
MERGE (k:OrganizationKey {key: $key})
WITH k, k.organization_id IS NULL AS fresh
CALL (k, fresh) {
  WITH k WHERE fresh
  CREATE (o:Organization {id: $id, kind: $kind, name: $name, name_key: $name_key,
                          domain: $domain, linkedin: $linkedin, aliases: [],
                          search_text: $search_text, created_at: $now})
  SET k.organization_id = $id
  CREATE (k)-[:KEY_OF]->(o)
  RETURN o
  UNION
  WITH k WHERE NOT fresh
  MATCH (k)-[:KEY_OF]->(o:Organization)
  RETURN o
}
RETURN o {.id, .kind, .name, .domain, .linkedin} AS organization
