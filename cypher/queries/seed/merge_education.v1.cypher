// name: seed.merge_education
// version: 1
// mode: write
// params: rows (list of maps)
// row: {id, person, organization (the school; ids), fields: {degree, field, start, end} (months as
//   year * 12 + month - 1), created_at, updated_at: ISO text or null}
// returns: one row: written (rows whose entry is in the graph; the rest named an unknown person or
//   school)
// example params (cypher-shell / Browser): :params {rows: [{id: 'edu-x', person: 'demo-ana', organization: 'demo-org-tu-berlin', fields: {degree: 'MSc', start: 24200, end: 24224}, created_at: null, updated_at: null}]}
// Seed loaders: an education entry is created when its id is new; an existing one is kept.
UNWIND $rows AS row
MATCH (p:Person {id: row.person}), (o:Organization {id: row.organization})
CALL (p, o, row) {
  WITH p, o, row WHERE NOT EXISTS { ()-[:STUDIED_AT {id: row.id}]->() }
  CREATE (p)-[s:STUDIED_AT]->(o)
  SET s = row.fields, s.id = row.id,
      s.created_at = coalesce(datetime(row.created_at), datetime())
  SET s.updated_at = coalesce(datetime(row.updated_at), s.created_at)
}
RETURN count(*) AS written
