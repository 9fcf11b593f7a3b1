// name: intros.create_between
// version: 1
// mode: write
// params: intro_id (string), broker_id (string), a_id (string), b_id (string), note (string), pair
//   (string), now (datetime)
// returns: one row (id) for the new broker-started introduction, already introduced (the note goes
//   to both sides, each of whom accepts on its TO relationship); none when one of the people is
//   missing
// example params (cypher-shell / Browser): :params {intro_id: randomUUID(), broker_id: '2', a_id: '1', b_id: '3', note: 'You two should talk.', pair: '1|3', now: datetime()}
MATCH (broker:Person {id: $broker_id}), (a:Person {id: $a_id}), (b:Person {id: $b_id})
CREATE (i:Introduction {id: $intro_id, kind: 'broker', state: 'introduced', note: $note,
                        created_at: $now, updated_at: $now, introduced_at: $now,
                        open_pair: $pair, rev: 0})
CREATE (broker)-[:BROKERS]->(i),
       (i)-[:TO]->(a),
       (i)-[:TO]->(b)
RETURN i.id AS id
