// name: notifications.delete_for_person
// version: 1
// mode: write
// params: person_id (string)
// returns: one row: deleted (notifications). Deletes the person's notifications, those that
//   name them (as actor), the pending deliveries of both, and the person's webhooks with
//   every delivery and attempt. Run before the person is deleted.
// example params (cypher-shell / Browser): :params {person_id: '1'}
CALL () {
  MATCH (:Person {id: $person_id})-[:HAS_WEBHOOK]->(w:Webhook)
  OPTIONAL MATCH (w)-[:DELIVERS]->(d:Delivery)
  OPTIONAL MATCH (d)-[:ATTEMPTED]->(a:DeliveryAttempt)
  WITH collect(DISTINCT w) AS webhooks, collect(DISTINCT d) AS deliveries,
       collect(DISTINCT a) AS attempts
  FOREACH (a IN attempts | DETACH DELETE a)
  FOREACH (d IN deliveries | DETACH DELETE d)
  FOREACH (w IN webhooks | DETACH DELETE w)
}
CALL () {
  OPTIONAL MATCH (:Person {id: $person_id})-[:HAS_NOTIFICATION]->(mine:Notification)
  OPTIONAL MATCH (naming:Notification {actor_id: $person_id})
  WITH collect(mine) + collect(naming) AS found
  UNWIND found AS n
  WITH DISTINCT n
  CALL (n) {
    MATCH (d:Delivery {notification_id: n.id, state: 'pending'})
    DETACH DELETE d
  }
  DETACH DELETE n
  RETURN count(n) AS deleted
}
RETURN deleted
