// name: seed.export_people
// version: 1
// mode: read
// params: none
// returns: one row per person, by id: the columns of people.csv (dates as ISO 8601 text)
// example params (cypher-shell / Browser): :params {}
MATCH (p:Person)
WHERE p.id IS NOT NULL
RETURN p.id AS id, p.name AS name, p.headline AS headline, p.location AS location,
       p.industry AS industry, p.profession AS profession, p.skills AS skills,
       p.summary AS summary, p.training AS training, p.employer AS employer,
       p.connections_visibility AS connections_visibility, p.intro_opt_out AS intro_opt_out,
       toString(p.created_at) AS created_at
ORDER BY id
