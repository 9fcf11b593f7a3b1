// name: intros.create_request
// version: 1
// mode: write
// params: intro_id (string), requester_id (string), broker_id (string), target_id (string), message
//   (string), pair (string), now (datetime)
// returns: one row (id) for the new introduction in state requested; none when one of the people is
//   missing. A second open introduction of the same pair fails on the open_pair constraint.
// example params (cypher-shell / Browser): :params {intro_id: randomUUID(), requester_id: '1', broker_id: '2', target_id: '3', message: 'Could you introduce me?', pair: '1|3', now: datetime()}
MATCH (r:Person {id: $requester_id}), (b:Person {id: $broker_id}), (t:Person {id: $target_id})
CREATE (i:Introduction {id: $intro_id, kind: 'requested', state: 'requested', message: $message,
                        created_at: $now, updated_at: $now, open_pair: $pair, rev: 0})
CREATE (r)-[:REQUESTED_INTRO]->(i),
       (b)-[:BROKERS]->(i),
       (i)-[:TO]->(t)
RETURN i.id AS id
