// name: notifications.create_many
// version: 1
// mode: write
// params: rows (list of map), kind (string), actor_id (string), data (string), now (datetime)
// row: {id, recipient_id}
// returns: one row per notification written: id, deliveries. notifications.create for many
//   recipients of one event at once (one kind, actor and data; each id new, and its key): none for
//   a recipient who is gone or between whom and the actor a block stands. Also queues one
//   Delivery per enabled webhook of each recipient that takes this kind (kinds null: every kind).
// example params (cypher-shell / Browser): :params {rows: [{id: 'n1', recipient_id: '2'}], kind: 'linkedin.connected', actor_id: '1', data: '{"person_id": "1"}', now: datetime()}
UNWIND $rows AS row
MATCH (recipient:Person {id: row.recipient_id})
WHERE $actor_id IS NULL OR NOT EXISTS {
  MATCH (recipient)-[:BLOCKED]-(actor:Person {id: $actor_id})
}
CREATE (recipient)-[:HAS_NOTIFICATION]->(n:Notification {
  id: row.id, key: row.id, kind: $kind, recipient_id: row.recipient_id, actor_id: $actor_id,
  data: $data, created_at: $now})
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
