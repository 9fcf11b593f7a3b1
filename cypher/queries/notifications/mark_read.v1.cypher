// name: notifications.mark_read
// version: 1
// mode: write
// params: person_id (string), up_to (string), ids (list of string), now (datetime)
// returns: one row: marked (how many unread notifications became read), found (whether
//   up_to, when given, is one of the person's). Marks read the person's notifications
//   whose id is in ids, or, with up_to, that one and every older one (created_at, then id).
// example params (cypher-shell / Browser): :params {person_id: '1', up_to: null, ids: ['n1'], now: datetime()}
MATCH (me:Person {id: $person_id})
OPTIONAL MATCH (me)-[:HAS_NOTIFICATION]->(mark:Notification {id: $up_to})
WITH me, mark,
     mark.created_at.epochSeconds * 1000000000 + mark.created_at.nanosecond AS mark_instant
CALL (me, mark, mark_instant) {
  MATCH (me)-[:HAS_NOTIFICATION]->(n:Notification)
  WHERE n.read_at IS NULL
    AND (n.id IN $ids
         OR (mark IS NOT NULL
             AND (n.created_at.epochSeconds * 1000000000 + n.created_at.nanosecond < mark_instant
                  OR (n.created_at = mark.created_at AND n.id <= mark.id))))
  SET n.read_at = $now
  RETURN count(n) AS marked
}
RETURN marked, mark IS NOT NULL AS found
