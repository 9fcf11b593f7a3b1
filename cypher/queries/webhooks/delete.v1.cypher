// name: webhooks.delete
// version: 1
// mode: write
// params: owner_id (string), id (string)
// returns: one row: deleted (0 or 1). Deletes the webhook with its deliveries and attempts.
// example params (cypher-shell / Browser): :params {owner_id: '1', id: 'wh1'}
OPTIONAL MATCH (:Person {id: $owner_id})-[:HAS_WEBHOOK]->(w:Webhook {id: $id})
CALL (w) {
  MATCH (w)-[:DELIVERS]->(d:Delivery)
  OPTIONAL MATCH (d)-[:ATTEMPTED]->(a:DeliveryAttempt)
  DETACH DELETE a
  WITH DISTINCT d
  DETACH DELETE d
}
DETACH DELETE w
RETURN count(w) AS deleted
