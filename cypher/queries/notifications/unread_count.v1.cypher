// name: notifications.unread_count
// version: 1
// mode: read
// params: person_id (string)
// returns: one row: unread (how many of the person's notifications are unread)
// example params (cypher-shell / Browser): :params {person_id: '1'}
OPTIONAL MATCH (:Person {id: $person_id})-[:HAS_NOTIFICATION]->(n:Notification)
WHERE n.read_at IS NULL
RETURN count(n) AS unread
