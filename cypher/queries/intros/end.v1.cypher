// name: intros.end
// version: 1
// mode: write
// params: intro_id (string), from_state (string), to_state (string), ended_by (string), now
//   (datetime)
// returns: one row (id) when the introduction was in from_state and is now in to_state (declined or
//   withdrawn; compare-and-set), none otherwise. Ending frees the pair; a broker declining a
//   request counts as the broker's answer.
// example params (cypher-shell / Browser): :params {intro_id: '6f1c0e1e-0000-4000-8000-000000000000', from_state: 'requested', to_state: 'declined', ended_by: 'broker', now: datetime()}
MATCH (i:Introduction {id: $intro_id})
WHERE i.state = $from_state
SET i.state = $to_state,
    i.ended_by = $ended_by,
    i.updated_at = $now,
    i.open_pair = null,
    i.answered_at = CASE WHEN $ended_by = 'broker' AND i.kind = 'requested'
                         THEN coalesce(i.answered_at, $now) ELSE i.answered_at END
RETURN i.id AS id
