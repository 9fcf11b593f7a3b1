// name: auth.delete_token_by_hash
// version: 1
// mode: write
// params: token_hash (string)
// returns: one row: deleted (0 or 1), the token itself, for logging out
// example params (cypher-shell / Browser): :params {token_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'}
OPTIONAL MATCH (t:Token {hash: $token_hash})
DETACH DELETE t
RETURN count(t) AS deleted
