// name: recommendations.endorse
// version: 1
// mode: write
// params: endorser_id (string), person_id (string), skill (string), now (datetime)
// returns: one row: skill (endorsing twice is one endorsement; the first one's time stays)
// example params (cypher-shell / Browser): :params {endorser_id: 'a', person_id: 'b', skill: 'Python', now: datetime()}
MATCH (endorser:Person {id: $endorser_id}), (person:Person {id: $person_id})
MERGE (endorser)-[e:ENDORSED {key: $endorser_id + '|' + $person_id + '|' + $skill}]->(person)
  ON CREATE SET e.skill = $skill, e.at = $now
RETURN e.skill AS skill
