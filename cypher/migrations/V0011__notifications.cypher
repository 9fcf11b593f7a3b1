// Notifications (backend/notifications): (recipient:Person)-[:HAS_NOTIFICATION]->
// (:Notification {id, key, kind, recipient_id, actor_id, data, created_at, read_at}).
// `key` is the id, or a dedup key for notifications that must exist once (an expiry notice).
CREATE CONSTRAINT notification_id_unique IF NOT EXISTS
FOR (n:Notification) REQUIRE n.id IS UNIQUE;

CREATE CONSTRAINT notification_key_unique IF NOT EXISTS
FOR (n:Notification) REQUIRE n.key IS UNIQUE;

// Deleting an account deletes the notifications that name it; pruning goes by age.
CREATE INDEX notification_actor IF NOT EXISTS
FOR (n:Notification) ON (n.actor_id);

CREATE INDEX notification_created_at IF NOT EXISTS
FOR (n:Notification) ON (n.created_at);

// Webhooks (backend/webhooks): (owner:Person)-[:HAS_WEBHOOK]->(:Webhook)-[:DELIVERS]->
// (:Delivery {id = the webhook-id header, state, next_at, lease_until, ...})
// -[:ATTEMPTED]->(:DeliveryAttempt).
CREATE CONSTRAINT webhook_id_unique IF NOT EXISTS
FOR (w:Webhook) REQUIRE w.id IS UNIQUE;

CREATE CONSTRAINT delivery_id_unique IF NOT EXISTS
FOR (d:Delivery) REQUIRE d.id IS UNIQUE;

// The delivery workers' claim: pending deliveries that are due.
CREATE INDEX delivery_due IF NOT EXISTS
FOR (d:Delivery) ON (d.state, d.next_at);

// A block or an account deletion drops the pending deliveries of the notifications it deletes.
CREATE INDEX delivery_notification IF NOT EXISTS
FOR (d:Delivery) ON (d.notification_id);
