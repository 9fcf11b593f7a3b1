// Deleting an account also deletes the notifications whose data names it (an introduction's
// target_id, say): a text index makes `n.data CONTAINS $needle` an index seek, not a scan.
CREATE TEXT INDEX notification_data IF NOT EXISTS
FOR (n:Notification) ON (n.data);
