// name: recommendations.profile_counts
// version: 1
// mode: read
// params: person_id (string), viewer_id (string)
// returns: one row: recommendation_count, the person's accepted recommendations the viewer may see
//   (authors blocked with the viewer left out)
// example params (cypher-shell / Browser): :params {person_id: 'demo-coach', viewer_id: 'demo-0001'}
OPTIONAL MATCH (author:Person)-[:WROTE]->(r:Recommendation {state: 'accepted'})-[:FOR]->(:Person {id: $person_id})
WHERE NOT EXISTS { (author)-[:BLOCKED]-(:Person {id: $viewer_id}) }
RETURN count(r) AS recommendation_count
