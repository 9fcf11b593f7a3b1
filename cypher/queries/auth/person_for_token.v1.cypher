// name: auth.person_for_token
// version: 1
// mode: read
// params: token_hash (string)
// returns: at most one row: person_id of the token's person
// example params (cypher-shell / Browser): :params {token_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'}
MATCH (:Token {hash: $token_hash})-[:AUTHENTICATES]->(p:Person)
RETURN p.id AS person_id
