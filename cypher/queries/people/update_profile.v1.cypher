// name: people.update_profile
// version: 1
// mode: write
// params: person_id (string), changes (map), now (datetime)
// returns: at most one row: person, the profile after the change (a null in changes clears that
//   field)
// example params (cypher-shell / Browser): :params {person_id: '1', changes: {headline: 'Builder', location: null}, now: datetime()}
MATCH (p:Person {id: $person_id})
SET p += $changes, p.name_lower = toLower(p.name), p.updated_at = $now
RETURN p {.id, .name, .headline, .location, .industry, .profession, .summary, .training,
          skills: coalesce(p.skills, []),
          connections_visibility: coalesce(p.connections_visibility, 'connections'),
          intro_opt_out: coalesce(p.intro_opt_out, false), .created_at} AS person
