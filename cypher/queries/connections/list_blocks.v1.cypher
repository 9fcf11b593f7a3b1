// name: connections.list_blocks
// version: 1
// mode: read
// params: person_id (string), after_instant (int), after_id (string), limit (int)
// returns: one row per person the person blocked, most recent first, after the cursor
//   (after_instant, after_id; nulls for the first page): person (summary), instant (blocked_at in
//   ns, for the cursor), blocked_at
// example params (cypher-shell / Browser): :params {person_id: '1', after_instant: null, after_id: null, limit: 21}
MATCH (me:Person {id: $person_id})-[b:BLOCKED]->(other:Person)
WITH other, b, b.at.epochSeconds * 1000000000 + b.at.nanosecond AS instant
WHERE $after_instant IS NULL OR instant < $after_instant
   OR (instant = $after_instant AND other.id > $after_id)
RETURN other {.id, .name, .headline, .location, .industry, .profession} AS person, instant,
       b.at AS blocked_at
ORDER BY instant DESC, person.id
LIMIT $limit
