// name: people.profile
// version: 1
// mode: read
// params: viewer_id (string), person_id (string)
// returns: at most one row: person, the profile; none when there is no such person or a block
//   stands between viewer and person (either direction). The request path benchmark's one raw
//   Bolt query of a profile (the API reads people.profile_by_token: the caller and all sections)
// example params (cypher-shell / Browser): :params {viewer_id: '1', person_id: '2'}
MATCH (p:Person {id: $person_id})
WHERE NOT EXISTS { (p)-[:BLOCKED]-(:Person {id: $viewer_id}) }
RETURN p {.id, .name, .headline, .location, .industry, .profession, .summary, .training,
          skills: coalesce(p.skills, []),
          connections_visibility: coalesce(p.connections_visibility, 'connections'),
          intro_opt_out: coalesce(p.intro_opt_out, false), .created_at} AS person
