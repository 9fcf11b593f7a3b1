// name: imports.bench_set_profiles
// version: 1
// mode: write
// params: rows (list of map)
// row: {id, key, url}
// returns: one row: written. Gives generated people a LinkedIn profile (linkedin_key,
//   linkedin_url), so that the benchmark's exports name them.
// example params (cypher-shell / Browser): :params {rows: [{id: 'g1', key: 'in/g1-bench', url: 'https://www.linkedin.com/in/g1-bench'}]}
UNWIND $rows AS row
MATCH (p:Person {id: row.id})
SET p.linkedin_key = row.key, p.linkedin_url = row.url
RETURN count(*) AS written
