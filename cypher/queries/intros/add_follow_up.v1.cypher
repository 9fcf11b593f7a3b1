// name: intros.add_follow_up
// version: 1
// mode: write
// params: intro_id (string), follow_up_id (string), kind (string), at (datetime), note (string),
//   recorded_by (string), now (datetime)
// returns: one row (follow_up: id, kind, at, note, recorded_by, created_at) for the follow-up
//   recorded on the introduction; none when it does not exist
// example params (cypher-shell / Browser): :params {intro_id: '6f1c0e1e-0000-4000-8000-000000000000', follow_up_id: randomUUID(), kind: 'coffee', at: datetime(), note: 'Great chat', recorded_by: '1', now: datetime()}
MATCH (i:Introduction {id: $intro_id})
CREATE (i)-[:HAS_FOLLOW_UP]->(f:FollowUp {id: $follow_up_id, kind: $kind, at: $at, note: $note,
                                         recorded_by: $recorded_by, created_at: $now})
RETURN f {.id, .kind, .at, .note, .recorded_by, .created_at} AS follow_up
