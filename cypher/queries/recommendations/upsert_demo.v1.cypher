// name: recommendations.upsert_demo
// version: 1
// mode: write
// params: recommendations (list of map), endorsements (list of map)
// returns: one row: recommendations and endorsements now in place (idempotent: MERGE on ids and
//   keys; the seed loader's demo uses it)
// example params (cypher-shell / Browser): :params {recommendations: [{id: 'demo-rec-1', author: 'demo-ana', subject: 'demo-coach', state: 'accepted', relationship: 'coach', text: 'Maya helped me.', at: datetime('2024-01-01T00:00:00Z')}], endorsements: [{endorser: 'demo-ana', person: 'demo-coach', skill: 'Networking', at: datetime('2024-01-01T00:00:00Z')}]}
CALL {
  UNWIND $recommendations AS row
  MATCH (author:Person {id: row.author}), (subject:Person {id: row.subject})
  MERGE (r:Recommendation {id: row.id})
  ON CREATE SET r.pair = row.author + '|' + row.subject, r.state = row.state,
                r.relationship = row.relationship, r.text = row.text, r.message = row.message,
                r.created_at = row.at, r.updated_at = row.at
  MERGE (author)-[:WROTE]->(r)
  MERGE (r)-[:FOR]->(subject)
  RETURN count(r) AS recommendations
}
CALL {
  UNWIND $endorsements AS row
  MATCH (endorser:Person {id: row.endorser}), (person:Person {id: row.person})
  MERGE (endorser)-[e:ENDORSED {key: row.endorser + '|' + row.person + '|' + row.skill}]->(person)
  ON CREATE SET e.skill = row.skill, e.at = row.at
  RETURN count(e) AS endorsements
}
RETURN recommendations, endorsements
