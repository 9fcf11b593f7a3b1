// name: notifications.delete_for_person
// version: 2
// mode: write
// params: person_id (string)
// returns: one row: deleted (notifications). Deletes the person's notifications, those that
//   name them (as actor, or as any *_id in their data: the data is JSON text, matched through
//   the text index of V0013), the pending deliveries of all these, and the person's webhooks
//   with every delivery and attempt. Run before the person is deleted.
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
  CALL () {
    OPTIONAL MATCH (mentioning:Notification)
      WHERE mentioning.data CONTAINS '_id":"' + $person_id + '"'
    RETURN collect(mentioning) AS mentioning
  }
  WITH found + mentioning AS found
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
