// name: auth.delete_token
// version: 1
// mode: write
// params: person_id (string), token_id (string)
// returns: one row: deleted, the number of the person's tokens whose id (the first 16 hex
//   digits of their SHA-256) is token_id (0 or 1)
// example params (cypher-shell / Browser): :params {person_id: '1', token_id: 'e3b0c44298fc1c14'}
OPTIONAL MATCH (t:Token)-[:AUTHENTICATES]->(:Person {id: $person_id})
  WHERE substring(t.hash, 0, 16) = $token_id
DETACH DELETE t
RETURN count(t) AS deleted
