// name: notifications.create
// version: 1
// mode: write
// params: id (string), key (string), kind (string), recipient_id (string), actor_id (string), data
//   (string), now (datetime)
// returns: one row (id, deliveries) when the notification was written; none when the
//   recipient is gone, a block stands between recipient and actor, or a notification with
//   this key exists (key: the id, or a dedup key). Also queues one Delivery per enabled
//   webhook of the recipient that takes this kind (kinds null: every kind).
// example params (cypher-shell / Browser): :params {id: 'n1', key: 'n1', kind: 'connection.requested', recipient_id: '2', actor_id: '1', data: '{"person_id": "1"}', now: datetime()}
MATCH (recipient:Person {id: $recipient_id})
WHERE $actor_id IS NULL OR NOT EXISTS {
  MATCH (recipient)-[:BLOCKED]-(actor:Person {id: $actor_id})
}
MERGE (n:Notification {key: $key})
  ON CREATE SET n.id = $id, n.kind = $kind, n.recipient_id = $recipient_id,
                n.actor_id = $actor_id, n.data = $data, n.created_at = $now
WITH recipient, n
WHERE n.id = $id
CREATE (recipient)-[:HAS_NOTIFICATION]->(n)
WITH recipient, n
CALL (recipient, n) {
  MATCH (recipient)-[:HAS_WEBHOOK]->(w:Webhook {enabled: true})
  WHERE w.kinds IS NULL OR n.kind IN w.kinds
  CREATE (w)-[:DELIVERS]->(:Delivery {
    id: 'msg_' + replace(randomUUID(), '-', ''), notification_id: n.id, kind: n.kind,
    created_at: $now, state: 'pending', next_at: $now, attempts: 0})
  RETURN count(*) AS deliveries
}
RETURN n.id AS id, deliveries
