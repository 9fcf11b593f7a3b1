"""The inbox: notifications written in the same transaction as the event they report
(a transactional outbox in Neo4j), read and marked read by their recipient, and queued for
the recipient's webhooks (docs/notifications.md)."""
