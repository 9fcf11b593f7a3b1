// name: connections.hold_requests
// version: 1
// mode: write
// params: sender_id (string), recipient_id (string), reason (string), now (datetime), until
//   (datetime)
// returns: nothing. Puts sender's requests to recipient on hold until `until` (null: for good);
//   reason 'withdrawn' or 'dont_know'. One hold per ordered pair.
// example params (cypher-shell / Browser): :params {sender_id: '1', recipient_id: '2', reason: 'withdrawn', now: datetime(), until: datetime() + duration({days: 21})}
MATCH (sender:Person {id: $sender_id}), (recipient:Person {id: $recipient_id})
MERGE (sender)-[h:INVITE_HOLD]->(recipient)
SET h.reason = $reason, h.at = $now, h.until = $until
