// name: recommendations.transition
// version: 1
// mode: write
// params: rec_id (string), from_state (string), to_state (string), relationship (string), text
//   (string), now (datetime)
// returns: one row when the recommendation was in from_state (compare-and-set), none otherwise; a
//   declined one frees its pair; relationship/text replace the old ones when given
// example params (cypher-shell / Browser): :params {rec_id: 'r1', from_state: 'pending', to_state: 'accepted', relationship: null, text: null, now: datetime()}
MATCH (r:Recommendation {id: $rec_id})
WHERE r.state = $from_state
SET r.state = $to_state,
    r.updated_at = $now,
    r.relationship = coalesce($relationship, r.relationship),
    r.text = coalesce($text, r.text),
    r.pair = CASE WHEN $to_state = 'declined' THEN null ELSE r.pair END
RETURN r.id AS id, r.state AS state
