// name: intros.forward
// version: 1
// mode: write
// params: intro_id (string), note (string), now (datetime)
// returns: one row (id) when the introduction was requested and is now introduced
//   (compare-and-set); none otherwise
// example params (cypher-shell / Browser): :params {intro_id: '6f1c0e1e-0000-4000-8000-000000000000', note: 'Ada, meet Bea.', now: datetime()}
MATCH (i:Introduction {id: $intro_id})
WHERE i.state = 'requested'
SET i.state = 'introduced',
    i.note = $note,
    i.introduced_at = $now,
    i.answered_at = $now,
    i.updated_at = $now
RETURN i.id AS id
