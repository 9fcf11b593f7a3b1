// name: people.create_person
// version: 1
// mode: write
// params: person_id (string), fields (map), now (datetime)
// returns: one row: person, the new profile (id, name, headline, ..., created_at)
// example params (cypher-shell / Browser): :params {person_id: 'c0ffee', fields: {name: 'Ada Lovelace', location: 'London', skills: ['Mathematics'], connections_visibility: 'connections', intro_opt_out: false}, now: datetime()}
CREATE (p:Person {id: $person_id, created_at: $now})
SET p += $fields, p.name_lower = toLower(p.name)
RETURN p {.id, .name, .headline, .location, .industry, .profession, .summary, .training,
          skills: coalesce(p.skills, []),
          connections_visibility: coalesce(p.connections_visibility, 'connections'),
          intro_opt_out: coalesce(p.intro_opt_out, false), .created_at} AS person
