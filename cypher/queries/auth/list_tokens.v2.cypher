// name: auth.list_tokens
// version: 2
// mode: read
// params: person_id (string), current_hash (string), now (datetime), ttl_days (int),
//   after_instant (int), after_id (string), limit (int)
// returns: one row per unexpired token of the person, newest first, after the cursor
//   (after_instant, after_id; nulls for the first page): id (the first 16 hex digits of the
//   token's SHA-256: names it without revealing it), created_at, last_used_at, expires_at,
//   current (the token of this request), instant (created_at in ns, for the cursor)
// example params (cypher-shell / Browser): :params {person_id: '1', current_hash: 'ab12', now: datetime(), ttl_days: 90, after_instant: null, after_id: null, limit: 21}
MATCH (t:Token)-[:AUTHENTICATES]->(:Person {id: $person_id})
WITH t, coalesce(t.last_used_at, t.created_at) + duration({days: $ttl_days}) AS expires_at,
     substring(t.hash, 0, 16) AS id,
     t.created_at.epochSeconds * 1000000000 + t.created_at.nanosecond AS instant
WHERE expires_at > $now
  AND ($after_instant IS NULL OR instant < $after_instant
       OR (instant = $after_instant AND id > $after_id))
RETURN id,
       t.created_at AS created_at,
       t.last_used_at AS last_used_at,
       expires_at,
       t.hash = $current_hash AS current,
       instant
ORDER BY instant DESC, id
LIMIT $limit
