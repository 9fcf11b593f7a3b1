// name: notifications.prune
// version: 1
// mode: write
// params: before (datetime), limit (int)
// returns: one row: deleted (at most limit). Deletes notifications created before `before`,
//   and finished deliveries (delivered or failed) created before it with their attempts;
//   run again while deleted = limit.
// example params (cypher-shell / Browser): :params {before: datetime() - duration({days: 90}), limit: 1000}
CALL () {
  MATCH (d:Delivery)
  WHERE d.state IN ['delivered', 'failed'] AND d.created_at < $before
  WITH d LIMIT $limit
  OPTIONAL MATCH (d)-[:ATTEMPTED]->(a:DeliveryAttempt)
  DETACH DELETE a
  WITH DISTINCT d
  DETACH DELETE d
}
MATCH (n:Notification)
WHERE n.created_at < $before
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(n) AS deleted
