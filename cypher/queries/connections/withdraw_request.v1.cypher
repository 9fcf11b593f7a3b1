// name: connections.withdraw_request
// version: 1
// mode: write
// params: sender_id (string), recipient_id (string)
// returns: one row: withdrawn (0 or 1)
// example params (cypher-shell / Browser): :params {sender_id: '1', recipient_id: '2'}
OPTIONAL MATCH (:Person {id: $sender_id})-[r:REQUESTED]->(:Person {id: $recipient_id})
DELETE r
RETURN count(r) AS withdrawn
