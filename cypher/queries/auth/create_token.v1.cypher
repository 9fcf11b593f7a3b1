// name: auth.create_token
// version: 1
// mode: write
// params: person_id (string), token_hash (string), now (datetime)
// returns: one row (person_id) when the person exists, none otherwise
// example params (cypher-shell / Browser): :params {person_id: '1', token_hash: 'ab12', now: datetime()}
MATCH (p:Person {id: $person_id})
CREATE (:Token {hash: $token_hash, created_at: $now})-[:AUTHENTICATES]->(p)
RETURN p.id AS person_id
