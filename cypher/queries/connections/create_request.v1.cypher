// name: connections.create_request
// version: 1
// mode: write
// params: sender_id (string), recipient_id (string), note (string), now (datetime), window_start
//   (datetime)
// returns: one row: person (the recipient's summary), note, created_at. Also lifts an expired hold
//   on sender's requests to recipient, and records the send in sender.invites_sent_at (keeping only
//   times after window_start).
// example params (cypher-shell / Browser): :params {sender_id: '1', recipient_id: '2', note: 'We met at the meetup', now: datetime(), window_start: datetime() - duration({days: 7})}
MATCH (me:Person {id: $sender_id}), (other:Person {id: $recipient_id})
OPTIONAL MATCH (me)-[hold:INVITE_HOLD]->(other)
DELETE hold
CREATE (me)-[r:REQUESTED {created_at: $now, note: $note, state: 'pending',
                          pair: me.id + '|' + other.id}]->(other)
SET me.invites_sent_at = [t IN coalesce(me.invites_sent_at, []) WHERE t > $window_start] + [$now]
RETURN other {.id, .name, .headline, .location, .industry, .profession} AS person,
       r.note AS note, r.created_at AS created_at
