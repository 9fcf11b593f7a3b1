// name: notifications.forget_pair
// version: 1
// mode: write
// params: person_id (string), other_id (string)
// returns: one row: deleted. Deletes what either of two people was notified about the other
//   (a block: nothing about a blocked person reaches the blocker, nor the other way), with
//   their deliveries still pending.
// example params (cypher-shell / Browser): :params {person_id: '1', other_id: '2'}
UNWIND [[$person_id, $other_id], [$other_id, $person_id]] AS pair
OPTIONAL MATCH (:Person {id: pair[0]})-[:HAS_NOTIFICATION]->(n:Notification {actor_id: pair[1]})
CALL (n) {
  MATCH (d:Delivery {notification_id: n.id, state: 'pending'})
  DETACH DELETE d
}
DETACH DELETE n
RETURN count(n) AS deleted
