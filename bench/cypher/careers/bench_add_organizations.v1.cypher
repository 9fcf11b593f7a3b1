// name: careers.bench_add_organizations
// version: 1
// mode: write
// params: rows (list of map)
// returns: one row: created (organizations created). Each row {id, kind, name, key, search_text}
//   becomes an Organization with its name key, as backend/organizations/service.py would make it
// example params (cypher-shell / Browser): :params {rows: [{id: 'bo0', kind: 'company', name: 'Acme Labs', key: 'acme labs', search_text: 'acme labs'}]}
UNWIND $rows AS row
CREATE (o:Organization {id: row.id, kind: row.kind, name: row.name, name_key: row.key,
                        aliases: [], search_text: row.search_text, created_at: datetime()})
CREATE (:OrganizationKey {key: row.kind + ':name:' + row.key, organization_id: row.id})
       -[:KEY_OF]->(o)
RETURN count(o) AS created
