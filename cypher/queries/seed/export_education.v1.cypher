// name: seed.export_education
// version: 1
// mode: read
// params: none
// returns: one row per education entry, by id: the columns of education.csv, the school by id
//   (school_id), start and end as months (year * 12 + month - 1), dates as ISO 8601 text
// example params (cypher-shell / Browser): :params {}
MATCH (p:Person)-[s:STUDIED_AT]->(o:Organization)
RETURN s.id AS id, p.id AS person, o.id AS school_id, s.degree AS degree, s.field AS field,
       s.start AS start, s.end AS end, toString(s.created_at) AS created_at,
       toString(s.updated_at) AS updated_at
ORDER BY id
