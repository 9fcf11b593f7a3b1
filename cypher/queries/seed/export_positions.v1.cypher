// name: seed.export_positions
// version: 1
// mode: read
// params: none
// returns: one row per position, by id: the columns of positions.csv, the organization by id
//   (organization_id), start and end as months (year * 12 + month - 1), dates as ISO 8601 text
// example params (cypher-shell / Browser): :params {}
MATCH (p:Person)-[w:WORKED_AT]->(o:Organization)
RETURN w.id AS id, p.id AS person, o.id AS organization_id, w.title AS title, w.start AS start,
       w.end AS end, w.location AS location, w.description AS description,
       toString(w.created_at) AS created_at, toString(w.updated_at) AS updated_at
ORDER BY id
