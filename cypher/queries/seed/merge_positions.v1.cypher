// name: seed.merge_positions
// version: 1
// mode: write
// params: rows (list of maps)
// row: {id, person, organization (ids), fields: {title, start, end, location, description} (months
//   as year * 12 + month - 1; no end = current), created_at, updated_at: ISO text or null}
// returns: one row: written (rows whose position is in the graph; the rest named an unknown person
//   or organization)
// example params (cypher-shell / Browser): :params {rows: [{id: 'pos-x', person: 'demo-ana', organization: 'demo-org-northwind', fields: {title: 'Engineer', start: 24279}, created_at: null, updated_at: null}]}
// Seed loaders: a position is created when its id is new; an existing one is kept as it is.
UNWIND $rows AS row
MATCH (p:Person {id: row.person}), (o:Organization {id: row.organization})
CALL (p, o, row) {
  WITH p, o, row WHERE NOT EXISTS { ()-[:WORKED_AT {id: row.id}]->() }
  CREATE (p)-[w:WORKED_AT]->(o)
  SET w = row.fields, w.id = row.id,
      w.created_at = coalesce(datetime(row.created_at), datetime())
  SET w.updated_at = coalesce(datetime(row.updated_at), w.created_at)
}
RETURN count(*) AS written
