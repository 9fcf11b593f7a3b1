// name: imports.update_contacts
// version: 1
// mode: write
// params: person_id (string), rows (list of map)
// row: {key, company, position}
// returns: one row: updated. A newer export's company and position for contacts person_id has.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana', rows: [{key: 'demo-ana|url:in/ben', company: 'Globex', position: 'CEO'}]}
UNWIND $rows AS row
MATCH (c:Contact {key: row.key})
WHERE c.key STARTS WITH $person_id + '|'
SET c.company = row.company, c.position = row.position
RETURN count(*) AS updated
