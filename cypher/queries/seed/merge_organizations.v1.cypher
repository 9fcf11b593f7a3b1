// name: seed.merge_organizations
// version: 1
// mode: write
// params: rows (list of maps)
// row: {id, kind, name, name_key, domain, linkedin, aliases, search_text, keys (strongest first),
//   created_at: ISO text or null}
// returns: one row: written (rows whose organization is in the graph), created (organizations
//   new)
// example params (cypher-shell / Browser): :params {rows: [{id: 'demo-org-x', kind: 'company', name: 'X Labs', name_key: 'x labs', domain: null, linkedin: null, aliases: [], search_text: 'x labs', keys: ['company:name:x labs'], created_at: null}]}
// Seed loaders: an organization is created with its id when new, an existing one is kept as it
// is; each key of the row that names no organization yet then names it (a key another holds
// stays with it, as organizations.add_keys does).
UNWIND $rows AS row
OPTIONAL MATCH (existing:Organization {id: row.id})
WITH row, existing IS NULL AS new
MERGE (o:Organization {id: row.id})
  ON CREATE SET o.kind = row.kind, o.name = row.name, o.name_key = row.name_key,
                o.domain = row.domain, o.linkedin = row.linkedin, o.aliases = row.aliases,
                o.search_text = row.search_text,
                o.created_at = coalesce(datetime(row.created_at), datetime())
WITH o, row, new
CALL (o, row) {
  UNWIND row.keys AS key
  MERGE (k:OrganizationKey {key: key})
    ON CREATE SET k.organization_id = o.id
  WITH o, k WHERE k.organization_id = o.id AND NOT EXISTS { (k)-[:KEY_OF]->(o) }
  CREATE (k)-[:KEY_OF]->(o)
}
RETURN count(*) AS written, sum(CASE WHEN new THEN 1 ELSE 0 END) AS created
