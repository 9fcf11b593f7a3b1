// name: intros.brokers
// version: 5
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
//
// What it costs: a broker's connections are read once per broker, not once per (broker, target)
// pair as in v4 (a median person's 20-target board: 227k -> see bench/RESULTS.md); the shared
// connections with a target are then the target's connections tested against that list.
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
// Each target's brokers, grouped by broker: a broker of several targets (as on a page or a
// board) has their own terms worked out once.
CALL (me, viewer, yours, unseen, viewers, open_list) {
  UNWIND $target_ids AS target_id
  MATCH (t:Person {id: target_id})
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
  RETURN b, collect({t: t, target_id: target_id, theirs: theirs}) AS targets
}
// Per broker, once: their connections (and how many are yours), their rating of you and yours
// of them, whether a recommendation links them with you, the introduction requests they decided.
OPTIONAL MATCH (b)-[b_me:CLOSENESS]->(me)
OPTIONAL MATCH (me)-[me_b:CLOSENESS]->(b)
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
WITH me, yours, b, targets, b_me, me_b, decided, forwarded, median_answer_hours,
     EXISTS {
       (b)-[:WROTE|FOR]-(r:Recommendation)-[:WROTE|FOR]-(me) WHERE r.state = 'accepted'
     } AS vouched_you,
     [(b)-[:CONNECTED_TO]-(x) | x] AS around
WITH me, yours, b, targets, b_me, me_b, decided, forwarded, median_answer_hours, vouched_you,
     around, size([x IN around WHERE x IN yours]) AS around_yours
UNWIND targets AS target
WITH me, yours, b, b_me, me_b, decided, forwarded, median_answer_hours, vouched_you, around,
     around_yours, target.t AS t, target.target_id AS target_id, target.theirs AS theirs
OPTIONAL MATCH (b)-[b_t:CLOSENESS]->(t)
WITH me, yours, b, b_me, me_b, decided, forwarded, median_answer_hours, vouched_you, around,
     around_yours, t, target_id, theirs, b_t,
     EXISTS {
       (b)-[:WROTE|FOR]-(r:Recommendation)-[:WROTE|FOR]-(t) WHERE r.state = 'accepted'
     } AS vouched_target
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
// The target is one of the broker's connections: one of yours too when they are your 1st
// connection; you are one of the target's when they are.
WITH target_id, b, vouched_target, vouched_you, decided, forwarded, median_answer_hours,
     worked_with_target, studied_with_target, tie_points, me_b.level AS you_rated,
     around_yours - CASE WHEN t IN yours THEN 1 ELSE 0 END AS shared_with_you,
     size([x IN theirs WHERE x IN around AND x <> me]) AS shared_with_target,
     CASE b_t.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
     END AS knows_target,
     CASE b_me.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
     END AS knows_you,
     CASE me_b.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
     END AS you_know
WITH target_id, b, decided, forwarded, median_answer_hours, shared_with_you, shared_with_target,
     you_rated, you_know, vouched_target, vouched_you, worked_with_target, studied_with_target,
     shared_with_you + shared_with_target AS shared,
     2 * knows_target + knows_you
       + CASE WHEN vouched_target THEN 2 ELSE 0 END + CASE WHEN vouched_you THEN 1 ELSE 0 END
       + CASE WHEN decided = 0 THEN 0.0 ELSE 4.0 * (toFloat(forwarded) / decided - 0.5) END
       + CASE WHEN median_answer_hours <= 48 THEN 1.0 ELSE 0.0 END
       + CASE WHEN tie_points > 3000 THEN 3.0 ELSE tie_points / 1000.0 END AS score
ORDER BY target_id, you_know DESC, score DESC, shared DESC, b.id
WITH target_id, collect({
       person: b {.id, .name, .headline, .location, .industry, .profession},
       vouched_target: vouched_target, vouched_you: vouched_you, you_rated: you_rated,
       decided: decided, forwarded: forwarded, median_answer_hours: median_answer_hours,
       shared_with_you: shared_with_you, shared_with_target: shared_with_target, shared: shared,
       worked_with_target: worked_with_target, studied_with_target: studied_with_target
     })[$skip..$skip + $limit] AS ranked
UNWIND ranked AS row
RETURN target_id, row.person AS person, row.vouched_target AS vouched_target,
       row.vouched_you AS vouched_you, row.you_rated AS you_rated, row.decided AS decided,
       row.forwarded AS forwarded, row.median_answer_hours AS median_answer_hours,
       row.shared_with_you AS shared_with_you, row.shared_with_target AS shared_with_target,
       row.shared AS shared, row.worked_with_target AS worked_with_target,
       row.studied_with_target AS studied_with_target
