// name: intros.accept_side
// version: 1
// mode: write
// params: intro_id (string), person_id (string), now (datetime)
// returns: one row (id) when person_id, a side of the introduced introduction, had not accepted yet
//   and now has (the first half of a double opt-in); none otherwise
// example params (cypher-shell / Browser): :params {intro_id: '6f1c0e1e-0000-4000-8000-000000000000', person_id: '1', now: datetime()}
MATCH (i:Introduction {id: $intro_id})-[to:TO]->(:Person {id: $person_id})
WHERE i.state = 'introduced' AND to.accepted_at IS NULL
SET to.accepted_at = $now,
    i.updated_at = $now
RETURN i.id AS id
