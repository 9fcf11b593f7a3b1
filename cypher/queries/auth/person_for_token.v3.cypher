// name: auth.person_for_token
// version: 3
// mode: read
// params: token_hash (string), now (datetime), ttl_days (int)
// returns: at most one row: caller_id (the token's person), expired (the token's last use, or
//   its creation, is ttl_days or more before now) and stale (last used more than a day ago, or
//   never: the caller refreshes last_used_at, at most once a day)
// example params (cypher-shell / Browser): :params {token_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', now: datetime(), ttl_days: 90}
MATCH (t:Token {hash: $token_hash})-[:AUTHENTICATES]->(p:Person)
WITH p, coalesce(t.last_used_at, t.created_at) AS used
RETURN p.id AS caller_id,
       used + duration({days: $ttl_days}) <= $now AS expired,
       used + duration({days: 1}) <= $now AS stale
