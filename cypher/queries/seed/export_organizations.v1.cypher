// name: seed.export_organizations
// version: 1
// mode: read
// params: none
// returns: one row per organization, oldest first (so that an import gives each lookup key to the
//   organization that held it first): the columns of organizations.csv (dates as ISO 8601 text)
// example params (cypher-shell / Browser): :params {}
MATCH (o:Organization)
RETURN o.id AS id, o.kind AS kind, o.name AS name, o.domain AS domain, o.linkedin AS linkedin,
       o.aliases AS aliases, toString(o.created_at) AS created_at
ORDER BY o.created_at, id
