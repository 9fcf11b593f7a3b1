// name: notifications.list
// version: 1
// mode: read
// params: person_id (string), unread_only (boolean), after_instant (int), after_id (string), limit
//   (int)
// returns: one row per notification of the person, newest first, after the cursor
//   (after_instant, after_id; nulls for the first page), unread ones only if unread_only:
//   notification (its properties), actor (summary, null when none), instant (created_at
//   in ns, for the cursor)
// example params (cypher-shell / Browser): :params {person_id: '1', unread_only: false, after_instant: null, after_id: null, limit: 21}
MATCH (:Person {id: $person_id})-[:HAS_NOTIFICATION]->(n:Notification)
WHERE NOT $unread_only OR n.read_at IS NULL
WITH n, n.created_at.epochSeconds * 1000000000 + n.created_at.nanosecond AS instant
WHERE $after_instant IS NULL OR instant < $after_instant
   OR (instant = $after_instant AND n.id < $after_id)
WITH n, instant
ORDER BY instant DESC, n.id DESC
LIMIT $limit
OPTIONAL MATCH (actor:Person {id: n.actor_id})
RETURN properties(n) AS notification, instant,
       CASE WHEN actor IS NULL THEN null
            ELSE actor {.id, .name, .headline, .location, .industry, .profession} END AS actor
ORDER BY instant DESC, n.id DESC
