// name: recommendations.endorsement_summary
// version: 2
// mode: read
// params: person_id (string), viewer_id (string), sample_size (int)
// returns: one row per skill on the person's profile: skill, count of endorsers,
//   endorsed_by_viewer, and a sample of endorsers ({id, name, known}) with the viewer's own 1st
//   connections first; endorsers blocked with the viewer are left out. When the person hides
//   their connections (connections_visibility 'private') and the viewer is neither them nor
//   one of their 1st connections, the sample holds only the viewer's own connections (an
//   endorser is a connection of the person's); the count stays
// example params (cypher-shell / Browser): :params {person_id: 'demo-coach', viewer_id: 'demo-0001', sample_size: 3}
MATCH (person:Person {id: $person_id})
OPTIONAL MATCH (viewer:Person {id: $viewer_id})
UNWIND coalesce(person.skills, []) AS skill
CALL (person, viewer, skill) {
  OPTIONAL MATCH (endorser:Person)-[e:ENDORSED {skill: skill}]->(person)
  WHERE viewer IS NULL OR NOT EXISTS { (endorser)-[:BLOCKED]-(viewer) }
  WITH person, viewer, endorser, endorser IS NOT NULL AND viewer IS NOT NULL
       AND EXISTS { (endorser)-[:CONNECTED_TO]-(viewer) } AS known
  ORDER BY known DESC, endorser.name, endorser.id
  WITH person, viewer, collect(endorser {.id, .name, known: known}) AS endorsers
  WITH endorsers,
       coalesce(person.connections_visibility = 'private', false)
         AND (viewer IS NULL
              OR (viewer <> person AND NOT EXISTS { (person)-[:CONNECTED_TO]-(viewer) }))
         AS only_known
  RETURN size(endorsers) AS count,
         [x IN endorsers WHERE x.known OR NOT only_known][..$sample_size]
           AS sample,
         any(x IN endorsers WHERE x.id = $viewer_id) AS endorsed_by_viewer
}
RETURN skill, count, endorsed_by_viewer, sample
ORDER BY count DESC, skill
