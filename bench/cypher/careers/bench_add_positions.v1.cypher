// name: careers.bench_add_positions
// version: 1
// mode: write
// params: rows (list of map)
// returns: one row: created (positions created). Each row {id, person, organization, title, start,
//   end} becomes a WORKED_AT from the person to the organization (months; end null = current)
// example params (cypher-shell / Browser): :params {rows: [{id: 'bw0', person: 'g0', organization: 'bo0', title: 'Engineer', start: 24200, end: null}]}
UNWIND $rows AS row
MATCH (p:Person {id: row.person}), (o:Organization {id: row.organization})
CREATE (p)-[w:WORKED_AT {id: row.id, title: row.title, start: row.start, end: row.end,
                         created_at: datetime()}]->(o)
RETURN count(w) AS created
