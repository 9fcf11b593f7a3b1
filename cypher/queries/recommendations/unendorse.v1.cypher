// name: recommendations.unendorse
// version: 1
// mode: write
// params: endorser_id (string), person_id (string), skill (string)
// returns: one row: removed (0 or 1)
// example params (cypher-shell / Browser): :param endorser_id => 'a'; :param person_id => 'b'; :param skill => 'Python';
OPTIONAL MATCH ()-[e:ENDORSED {key: $endorser_id + '|' + $person_id + '|' + $skill}]->()
DELETE e
RETURN count(e) AS removed
