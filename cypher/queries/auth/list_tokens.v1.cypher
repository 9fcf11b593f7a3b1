// name: auth.list_tokens
// version: 1
// mode: read
// params: person_id (string), current_hash (string), now (datetime), ttl_days (int)
// returns: one row per unexpired token of the person, newest first: id (the first 16 hex
//   digits of the token's SHA-256: names it without revealing it), created_at, last_used_at,
//   expires_at, current (the token of this request)
// example params (cypher-shell / Browser): :params {person_id: '1', current_hash: 'ab12', now: datetime(), ttl_days: 90}
MATCH (t:Token)-[:AUTHENTICATES]->(:Person {id: $person_id})
WITH t, coalesce(t.last_used_at, t.created_at) + duration({days: $ttl_days}) AS expires_at
WHERE expires_at > $now
RETURN substring(t.hash, 0, 16) AS id,
       t.created_at AS created_at,
       t.last_used_at AS last_used_at,
       expires_at,
       t.hash = $current_hash AS current
ORDER BY created_at DESC, id
