// name: connections.ignore_request
// version: 1
// mode: write
// params: sender_id (string), recipient_id (string), now (datetime)
// returns: one row: ignored (0 or 1). The request stays, as 'ignored': its sender still sees it
//   pending, its recipient no longer sees it.
// example params (cypher-shell / Browser): :params {sender_id: '1', recipient_id: '2', now: datetime()}
OPTIONAL MATCH (:Person {id: $sender_id})-[r:REQUESTED {state: 'pending'}]->(:Person {id: $recipient_id})
SET r.state = 'ignored', r.ignored_at = $now
RETURN count(r) AS ignored
