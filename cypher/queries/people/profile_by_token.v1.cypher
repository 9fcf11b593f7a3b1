// name: people.profile_by_token
// version: 1
// mode: read
// params: token_hash (string), now (datetime), ttl_days (int), person_id (string), sample_size
//   (int)
// returns: GET /v1/me and GET /v1/people/{id} in one statement (one round trip): the caller of
//   the token, then the profile as they see it. No row when no token has this hash; else one
//   row: caller_id, expired, stale (as auth.person_for_token v2) and person, null when the token
//   expired, when person_id (null: the caller's own) does not exist, or when a block stands
//   between the two; else the profile (as people.profile v1) with recommendation_count (as
//   recommendations.profile_counts v1), endorsements (the rows of
//   recommendations.endorsement_summary v2, as maps, sample_size endorsers each), positions and
//   education (careers.positions / careers.education v1, all entries) and relation: null for
//   the caller's own profile, else {degree, mutual_count} as network.relations v1 gives them
// example params (cypher-shell / Browser): :params {token_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', now: datetime(), ttl_days: 90, person_id: null, sample_size: 3}
MATCH (t:Token {hash: $token_hash})-[:AUTHENTICATES]->(caller:Person)
WITH caller, coalesce(t.last_used_at, t.created_at) AS used
WITH caller, used + duration({days: $ttl_days}) <= $now AS expired,
     used + duration({days: 1}) <= $now AS stale
OPTIONAL CALL (caller, expired) {
  WITH caller WHERE NOT expired
  MATCH (p:Person {id: coalesce($person_id, caller.id)})
  WHERE NOT EXISTS { (p)-[:BLOCKED]-(caller) }
  CALL (p, caller) {
    UNWIND coalesce(p.skills, []) AS skill
    CALL (p, caller, skill) {
      OPTIONAL MATCH (endorser:Person)-[:ENDORSED {skill: skill}]->(p)
      WHERE NOT EXISTS { (endorser)-[:BLOCKED]-(caller) }
      WITH p, caller, endorser,
           endorser IS NOT NULL AND EXISTS { (endorser)-[:CONNECTED_TO]-(caller) } AS known
      ORDER BY known DESC, endorser.name, endorser.id
      WITH p, caller, collect(endorser {.id, .name, known: known}) AS endorsers
      WITH caller, endorsers,
           coalesce(p.connections_visibility = 'private', false)
             AND p <> caller AND NOT EXISTS { (p)-[:CONNECTED_TO]-(caller) } AS only_known
      RETURN size(endorsers) AS count,
             [x IN endorsers WHERE x.known OR NOT only_known][..$sample_size] AS sample,
             any(x IN endorsers WHERE x.id = caller.id) AS endorsed_by_viewer
    }
    WITH skill, count, endorsed_by_viewer, sample
    ORDER BY count DESC, skill
    RETURN collect({skill: skill, count: count, endorsed_by_viewer: endorsed_by_viewer,
                    sample: sample}) AS endorsements
  }
  CALL (p) {
    MATCH (p)-[w:WORKED_AT]->(o:Organization)
    WITH w, o
    ORDER BY w.end IS NULL DESC, w.end DESC, w.start DESC, w.id
    RETURN collect({id: w.id, organization: o {.id, .kind, .name, .domain}, title: w.title,
                    start: w.start, end: w.end, location: w.location,
                    description: w.description}) AS positions
  }
  CALL (p) {
    MATCH (p)-[s:STUDIED_AT]->(o:Organization)
    WITH s, o
    ORDER BY s.end IS NULL DESC, s.end DESC, s.start DESC, s.id
    RETURN collect({id: s.id, school: o {.id, .kind, .name, .domain}, degree: s.degree,
                    field: s.field, start: s.start, end: s.end}) AS education
  }
  OPTIONAL CALL (p, caller) {
    WITH p, caller WHERE p <> caller
    CALL (caller) {
      OPTIONAL MATCH (caller)-[:BLOCKED]-(b:Person)
      RETURN collect(b) AS blocked
    }
    WITH p, caller, blocked,
         COUNT { (caller)-[:CONNECTED_TO]-(m)-[:CONNECTED_TO]-(p) WHERE NOT m IN blocked }
           AS mutual_count
    RETURN {
      degree: CASE
        WHEN EXISTS { (caller)-[:CONNECTED_TO]-(p) } THEN 1
        WHEN mutual_count > 0 THEN 2
        WHEN EXISTS {
          MATCH (p)-[:CONNECTED_TO]-(b)-[:CONNECTED_TO]-(a)-[:CONNECTED_TO]-(caller)
          WHERE NOT a IN blocked AND NOT b IN blocked
        } THEN 3
      END,
      mutual_count: mutual_count
    } AS relation
  }
  RETURN p {.id, .name, .headline, .location, .industry, .profession, .summary, .training,
            skills: coalesce(p.skills, []),
            connections_visibility: coalesce(p.connections_visibility, 'connections'),
            intro_opt_out: coalesce(p.intro_opt_out, false), .created_at,
            recommendation_count: COUNT {
              (author:Person)-[:WROTE]->(:Recommendation {state: 'accepted'})-[:FOR]->(p)
              WHERE NOT EXISTS { (author)-[:BLOCKED]-(caller) }
            },
            endorsements: endorsements, positions: positions, education: education,
            relation: relation} AS person
}
RETURN caller.id AS caller_id, expired, stale, person
