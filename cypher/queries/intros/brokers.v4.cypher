// name: intros.brokers
// version: 4
// mode: read
// params: person_id (string), viewer_id (string), target_ids (list of string), expires_before
//   (datetime), weights (map), ties (map), now_month (int), skip (int), limit (int)
// returns: for each of target_ids (in any order), up to limit rows after the first skip, one per
//   mutual connection of person_id and the target (neither blocked with either side) that viewer_id
//   may see (below), best introducer first: target_id, person (summary), vouched_target /
//   vouched_you (an accepted recommendation between the broker and that side, either way; a hidden
//   one vouches for nobody), you_rated (person_id's rating of the broker, or null), decided /
//   forwarded (earlier introduction requests the broker answered or let expire, and forwarded),
//   median_answer_hours, shared_with_you / shared_with_target (the broker's connections in common
//   with each side), shared (their sum), worked_with_target / studied_with_target (where the
//   broker and the target worked or studied together, as network.suggestions v3 lists it: {id,
//   name, from, to}, latest first). No value derived from the broker's closeness ratings is
//   returned: they only order the rows. One target is GET /v1/people/{id}/brokers; many are a
//   page of who do I know at X (the best 3 each) or a target board's paths (the best each).
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', viewer_id: 'demo-ada', target_ids: ['demo-ines'], expires_before: datetime() - duration({days: 30}), weights: {colleague: 2000, classmate: 1000}, ties: {months: 60, group: 50, max_size: 2000}, now_month: 24311, skip: 0, limit: 21}
//
// Order: your own rating of the broker first (close 3, known 2, acquaintance 1, none 0), then
// score, then shared, then id. Your rating is a key of its own, never added to the broker's
// private ratings, so that changing it cannot be used to measure them. score =
//   closeness      = 2 * (broker's rating of the target) + (broker's rating of you)        (0..9)
//   vouching       = 2 when a recommendation links broker and target, + 1 for broker and you (0..3)
//   responsiveness = 4 * (forwarded / decided - 0.5), when the broker decided any request  (-2..+2)
//                    + 1 when the median time to answer is at most 48 hours
//   colleagues     = min(3, tie points of broker and target / 1000)                        (0..3)
// The tie points are network.suggestions v3's: per organization where the two worked (studied)
// together, weights.colleague (.classmate) * min(months, ties.months) * ties.group /
// (ties.months * max(size, ties.group)), summed (docs/discovery.md); ten years together at a
// small firm is 2, as much as a recommendation linking broker and target.
//
// The viewer is person_id, or a coach a target board is shared with (docs/careers.md), who sees
// a broker b of target t as their own view of connection lists shows b: b is not blocked with the
// viewer, person_id's list is open (connections_visibility 'connections') or b is the viewer or
// one of theirs, and b's list shows the viewer b–t: b's list is open and b is the viewer's
// connection, or b or t is the viewer, or t is one of the viewer's connections.
MATCH (me:Person {id: $person_id}), (viewer:Person {id: $viewer_id})
// Each side's connections, once: counting a broker's shared connections then costs one pass
// over the broker's own connections (membership in a collected list is a hash lookup).
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
  // Where broker and target worked or studied together, with network.suggestions v3's points.
  CALL (b, t) {
    CALL (b, t) {
      MATCH (b)-[p:WORKED_AT]->(o:Organization)<-[q:WORKED_AT]-(t)
      WHERE p.start IS NOT NULL AND q.start IS NOT NULL
      RETURN 'work' AS kind, o, p, q, $weights.colleague AS weight,
             COUNT { (o)<-[:WORKED_AT]-() } AS size
      UNION ALL
      MATCH (b)-[p:STUDIED_AT]->(o:Organization)<-[q:STUDIED_AT]-(t)
      WHERE p.start IS NOT NULL AND q.start IS NOT NULL
      RETURN 'study' AS kind, o, p, q, $weights.classmate AS weight,
             COUNT { (o)<-[:STUDIED_AT]-() } AS size
    }
    WITH kind, o, weight, size,
         CASE WHEN p.start > q.start THEN p.start ELSE q.start END AS from,
         CASE WHEN p.end IS NULL THEN q.end WHEN q.end IS NULL OR p.end < q.end THEN p.end
              ELSE q.end END AS to,
         CASE WHEN coalesce(p.end, $now_month) < coalesce(q.end, $now_month)
              THEN coalesce(p.end, $now_month) ELSE coalesce(q.end, $now_month) END
         - CASE WHEN p.start > q.start THEN p.start ELSE q.start END + 1 AS months
    WHERE months > 0 AND size <= $ties.max_size
    WITH kind, o, weight, size, min(from) AS from, sum(months) AS months,
         CASE WHEN count(to) < count(*) THEN null ELSE max(to) END AS to
    WITH kind, o {.id, .name, from: from, to: to} AS tie,
         weight * CASE WHEN months < $ties.months THEN months ELSE $ties.months END * $ties.group
           / ($ties.months * CASE WHEN size > $ties.group THEN size ELSE $ties.group END) AS points
    ORDER BY tie.to IS NULL DESC, tie.to DESC, tie.id
    RETURN [x IN collect({kind: kind, tie: tie}) WHERE x.kind = 'work' | x.tie]
             AS worked_with_target,
           [x IN collect({kind: kind, tie: tie}) WHERE x.kind = 'study' | x.tie]
             AS studied_with_target,
           coalesce(sum(points), 0) AS tie_points
  }
  CALL (b) {
    // Earlier requests the broker decided: answered (forwarded or declined), or left to expire.
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
       median_answer_hours, worked_with_target, studied_with_target, tie_points, yours, theirs,
       [(b)-[:CONNECTED_TO]-(x) | x] AS around
  WITH b, b_t, b_me, me_b, vouched_target, vouched_you, decided, forwarded, median_answer_hours,
       worked_with_target, studied_with_target, tie_points,
       size([x IN around WHERE x IN yours AND x <> t]) AS shared_with_you,
       size([x IN around WHERE x IN theirs AND x <> me]) AS shared_with_target
  WITH b, vouched_target, vouched_you, decided, forwarded, median_answer_hours, shared_with_you,
       shared_with_target, worked_with_target, studied_with_target, tie_points,
       me_b.level AS you_rated,
       CASE b_t.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
       END AS knows_target,
       CASE b_me.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
       END AS knows_you,
       CASE me_b.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
       END AS you_know
  WITH b, decided, forwarded, median_answer_hours, shared_with_you, shared_with_target,
       you_rated, you_know, vouched_target, vouched_you, worked_with_target, studied_with_target,
       shared_with_you + shared_with_target AS shared,
       2 * knows_target + knows_you
         + CASE WHEN vouched_target THEN 2 ELSE 0 END + CASE WHEN vouched_you THEN 1 ELSE 0 END
         + CASE WHEN decided = 0 THEN 0.0 ELSE 4.0 * (toFloat(forwarded) / decided - 0.5) END
         + CASE WHEN median_answer_hours <= 48 THEN 1.0 ELSE 0.0 END
         + CASE WHEN tie_points > 3000 THEN 3.0 ELSE tie_points / 1000.0 END AS score
  ORDER BY you_know DESC, score DESC, shared DESC, b.id
  SKIP $skip
  LIMIT $limit
  RETURN b {.id, .name, .headline, .location, .industry, .profession} AS person,
         vouched_target, vouched_you, you_rated, decided, forwarded, median_answer_hours,
         shared_with_you, shared_with_target, shared, worked_with_target, studied_with_target
}
RETURN target_id, person, vouched_target, vouched_you, you_rated, decided, forwarded,
       median_answer_hours, shared_with_you, shared_with_target, shared, worked_with_target,
       studied_with_target
