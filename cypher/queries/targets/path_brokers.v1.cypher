// name: targets.path_brokers
// version: 1
// mode: read
// params: person_id (string), viewer_id (string), target_ids (list of string), expires_before
//   (datetime)
// returns: for each of target_ids that has one, the best broker between person_id and them in the
//   order of intros.brokers v2, among the brokers viewer_id may see (targets.board says which): a
//   row with target_id and the columns of intros.brokers v2 (person, vouched_target, vouched_you,
//   you_rated, decided, forwarded, median_answer_hours, shared_with_you, shared_with_target,
//   shared). No value derived from the broker's closeness ratings is returned: they only order.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', viewer_id: 'demo-ada', target_ids: ['demo-ines'], expires_before: datetime() - duration({days: 30})}
MATCH (me:Person {id: $person_id}), (viewer:Person {id: $viewer_id})
CALL (me) {
  MATCH (me)-[:CONNECTED_TO]-(x:Person)
  RETURN collect(x) AS yours
}
CALL (me, viewer) {
  OPTIONAL MATCH (viewer)-[:BLOCKED]-(b:Person)
  WHERE viewer <> me
  RETURN collect(b) AS unseen
}
CALL (me, viewer) {
  OPTIONAL MATCH (viewer)-[:CONNECTED_TO]-(x:Person)
  WHERE viewer <> me
  RETURN collect(x) AS viewers
}
WITH me, viewer, yours, unseen, viewers,
     coalesce(me.connections_visibility, 'connections') = 'connections' AS open_list
UNWIND $target_ids AS target_id
MATCH (t:Person {id: target_id})
CALL (me, viewer, yours, unseen, viewers, open_list, t) {
  CALL (t) {
    MATCH (t)-[:CONNECTED_TO]-(x:Person)
    RETURN collect(x) AS theirs
  }
  MATCH (t)-[:CONNECTED_TO]-(b:Person)
  WHERE b IN yours AND b <> me
    AND NOT EXISTS { (b)-[:BLOCKED]-(me) }
    AND NOT EXISTS { (b)-[:BLOCKED]-(t) }
    AND (viewer = me
         OR (NOT b IN unseen
             AND (open_list OR b = viewer OR b IN viewers)
             AND (b = viewer OR t = viewer OR t IN viewers
                  OR (coalesce(b.connections_visibility, 'connections') = 'connections'
                      AND b IN viewers))))
  OPTIONAL MATCH (b)-[b_t:CLOSENESS]->(t)
  OPTIONAL MATCH (b)-[b_me:CLOSENESS]->(me)
  OPTIONAL MATCH (me)-[me_b:CLOSENESS]->(b)
  WITH me, t, b, b_t, b_me, me_b, yours, theirs,
       EXISTS {
         (b)-[:WROTE|FOR]-(r:Recommendation)-[:WROTE|FOR]-(t) WHERE r.state = 'accepted'
       } AS vouched_target,
       EXISTS {
         (b)-[:WROTE|FOR]-(r:Recommendation)-[:WROTE|FOR]-(me) WHERE r.state = 'accepted'
       } AS vouched_you
  CALL (b) {
    OPTIONAL MATCH (b)-[:BROKERS]->(i:Introduction {kind: 'requested'})
    WHERE i.answered_at IS NOT NULL
       OR i.state = 'expired'
       OR (i.state = 'requested' AND i.updated_at <= $expires_before)
    RETURN count(i) AS decided,
           count(i.introduced_at) AS forwarded,
           percentileDisc(duration.inSeconds(i.created_at, i.answered_at).seconds / 3600.0, 0.5)
             AS median_answer_hours
  }
  WITH me, t, b, b_t, b_me, me_b, vouched_target, vouched_you, decided, forwarded,
       median_answer_hours, yours, theirs, [(b)-[:CONNECTED_TO]-(x) | x] AS around
  WITH b, b_t, b_me, me_b, vouched_target, vouched_you, decided, forwarded, median_answer_hours,
       size([x IN around WHERE x IN yours AND x <> t]) AS shared_with_you,
       size([x IN around WHERE x IN theirs AND x <> me]) AS shared_with_target
  WITH b, vouched_target, vouched_you, decided, forwarded, median_answer_hours, shared_with_you,
       shared_with_target, me_b.level AS you_rated,
       CASE b_t.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
       END AS knows_target,
       CASE b_me.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
       END AS knows_you,
       CASE me_b.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
       END AS you_know
  WITH b, decided, forwarded, median_answer_hours, shared_with_you, shared_with_target,
       you_rated, you_know, vouched_target, vouched_you,
       shared_with_you + shared_with_target AS shared,
       2 * knows_target + knows_you
         + CASE WHEN vouched_target THEN 2 ELSE 0 END + CASE WHEN vouched_you THEN 1 ELSE 0 END
         + CASE WHEN decided = 0 THEN 0.0 ELSE 4.0 * (toFloat(forwarded) / decided - 0.5) END
         + CASE WHEN median_answer_hours <= 48 THEN 1.0 ELSE 0.0 END AS score
  ORDER BY you_know DESC, score DESC, shared DESC, b.id
  LIMIT 1
  RETURN b {.id, .name, .headline, .location, .industry, .profession} AS person,
         vouched_target, vouched_you, you_rated, decided, forwarded, median_answer_hours,
         shared_with_you, shared_with_target, shared
}
RETURN target_id, person, vouched_target, vouched_you, you_rated, decided, forwarded,
       median_answer_hours, shared_with_you, shared_with_target, shared
