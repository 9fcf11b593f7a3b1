// name: webhooks.start_attempt
// version: 1
// mode: write
// params: delivery_id (string), token (string), lease_until (datetime)
// returns: one row when the lease token still holds the delivery (no other worker claimed
//   it since): attempt (this attempt's number). Counts the attempt and leases the delivery
//   again until lease_until, right before it is sent: a batch is sent one by one, and a
//   lease taken for the whole batch could run out before its last delivery is sent.
// example params (cypher-shell / Browser): :params {delivery_id: 'msg_1', token: 't1', lease_until: datetime() + duration({seconds: 60})}
MATCH (d:Delivery {id: $delivery_id})
WHERE d.lease_token = $token
SET d.lease_until = $lease_until, d.attempts = d.attempts + 1
RETURN d.attempts AS attempt
