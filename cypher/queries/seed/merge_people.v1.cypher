// name: seed.merge_people
// version: 1
// mode: write
// params: rows (list of maps)
// row: {id, props: {name, headline, location, ...}, on_create: {...}, created_at: ISO text or null}
// returns: nothing; the summary counters say how many people were new
// example params (cypher-shell / Browser): :params {rows: [{id: 'demo-x', props: {name: 'Xia Young', profession: 'Nurse'}, on_create: {}, created_at: null}]}
// Seed loaders: upsert people by id. The file's fields win; a new person gets the defaults.
UNWIND $rows AS row
MERGE (p:Person {id: row.id})
  ON CREATE SET p += row.on_create, p.connections_visibility = 'connections',
                p.intro_opt_out = false, p.created_at = datetime()
SET p += row.props
SET p.name_lower = toLower(p.name),
    p.created_at = coalesce(datetime(row.created_at), p.created_at)
