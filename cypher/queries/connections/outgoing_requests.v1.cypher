// name: connections.outgoing_requests
// version: 1
// mode: read
// params: person_id (string), after_instant (int), after_id (string), limit (int)
// returns: one row per request the person sent and that is still there (an ignored request looks
//   pending to its sender, so the state is not returned), newest first, after the cursor
//   (after_instant, after_id; nulls for the first page): person (the recipient's summary), instant
//   (created_at in ns, for the cursor), note, created_at
// example params (cypher-shell / Browser): :params {person_id: '1', after_instant: null, after_id: null, limit: 21}
MATCH (me:Person {id: $person_id})-[r:REQUESTED]->(recipient:Person)
WITH recipient, r, r.created_at.epochSeconds * 1000000000 + r.created_at.nanosecond AS instant
WHERE $after_instant IS NULL OR instant < $after_instant
   OR (instant = $after_instant AND recipient.id > $after_id)
RETURN recipient {.id, .name, .headline, .location, .industry, .profession} AS person, instant,
       r.note AS note, r.created_at AS created_at
ORDER BY instant DESC, person.id
LIMIT $limit
