// name: auth.touch_token
// version: 1
// mode: write
// params: token_hash (string), now (datetime)
// returns: nothing; the token's last_used_at becomes now unless a concurrent request
//   refreshed it within the last day (the expiry counts from it)
// example params (cypher-shell / Browser): :params {token_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', now: datetime()}
MATCH (t:Token {hash: $token_hash})
WHERE coalesce(t.last_used_at, t.created_at) + duration({days: 1}) <= $now
SET t.last_used_at = $now
