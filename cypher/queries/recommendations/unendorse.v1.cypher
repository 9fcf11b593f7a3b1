// name: recommendations.unendorse
// version: 1
// mode: write
// params: endorser_id (string), person_id (string), skill (string)
// returns: one row: removed (0 or 1)
// example params (cypher-shell / Browser): :params {endorser_id: 'a', person_id: 'b', skill: 'Python'}
OPTIONAL MATCH ()-[e:ENDORSED {key: $endorser_id + '|' + $person_id + '|' + $skill}]->()
DELETE e
RETURN count(e) AS removed
