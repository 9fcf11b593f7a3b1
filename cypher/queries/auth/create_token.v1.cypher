// name: auth.create_token
// version: 1
// mode: write
// params: person_id (string), token_hash (string), now (datetime)
// returns: one row (person_id) when the person exists, none otherwise
// example params (cypher-shell / Browser): :param person_id => '1'; :param token_hash => 'ab12'; :param now => datetime();
MATCH (p:Person {id: $person_id})
CREATE (:Token {hash: $token_hash, created_at: $now})-[:AUTHENTICATES]->(p)
RETURN p.id AS person_id
