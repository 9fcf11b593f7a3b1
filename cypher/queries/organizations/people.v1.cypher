// name: organizations.people
// version: 1
// mode: read
// params: person_id (string), organization_id (string), degrees (list of int), tenure (string),
//   expires_before (datetime), skip (int), limit (int)
// returns: up to limit rows after the first skip, the people with a position (or an education
//   entry) at the organization who are within person_id's network at one of degrees (1, 2, 3), with
//   tenure 'current' (a stint with no end), 'former' (none without) or 'any'; nearest first, then
//   the strongest path, then id. Columns: person (summary), degree, brokers (for degree 2: how
//   many of person_id's connections know them), stints (each {title, degree, field, start, end};
//   months). Neither person_id nor anyone blocked either way with person_id appears, brokers, or
//   lies on a path. No value derived from a broker's closeness ratings is returned: as in
//   intros.brokers, they only order the rows.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', organization_id: 'demo-org-northwind', degrees: [1, 2], tenure: 'any', expires_before: datetime() - duration({days: 30}), skip: 0, limit: 21}
//
// The strongest path (rank, higher first):
//   degree 1: your closeness rating of them as points (close 3, known 2, acquaintance 1, none 0)
//   degree 2: the best broker in intros.brokers v2's order: 100 * you_know + score, where
//     you_know is your rating of the broker as points (it orders first there too) and
//     score = 2 * (broker's rating of them) + (broker's rating of you)
//             + 2 when an accepted recommendation links broker and them, + 1 for broker and you
//             + 4 * (forwarded / decided - 0.5) when the broker decided any introduction request
//             + 1 when the broker's median time to answer is at most 48 hours    (-2..15)
//   degree 3: 0
MATCH (me:Person {id: $person_id}), (o:Organization {id: $organization_id})
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
CALL (me, blocked) {
  OPTIONAL MATCH (me)-[:CONNECTED_TO]-(f:Person)
  WHERE NOT f IN blocked
  RETURN collect(f) AS firsts
}
// The people exactly 2 hops away, only when 3rd-degree people are asked for.
CALL (me, blocked, firsts) {
  UNWIND CASE WHEN 3 IN $degrees THEN firsts ELSE [] END AS f
  MATCH (f)-[:CONNECTED_TO]-(s:Person)
  WHERE s <> me AND NOT s IN blocked AND NOT s IN firsts
  RETURN collect(DISTINCT s) AS seconds
}
// Each person there once, with their stints (grouped by the person alone: a grouping key that
// held the lists above would be copied into every group).
CALL (o) {
  MATCH (o)<-[w:WORKED_AT|STUDIED_AT]-(c:Person)
  WITH c, collect(w) AS stints
  RETURN c, stints, any(s IN stints WHERE s.end IS NULL) AS current
}
WITH me, firsts, seconds, c, stints
WHERE c <> me AND NOT c IN blocked
  AND ($tenure = 'any' OR current = ($tenure = 'current'))
WITH me, firsts, c, stints,
     CASE
       WHEN c IN firsts THEN 1
       WHEN EXISTS { (c)-[:CONNECTED_TO]-(m) WHERE m IN firsts } THEN 2
       WHEN EXISTS { (c)-[:CONNECTED_TO]-(x) WHERE x IN seconds } THEN 3
     END AS degree
WHERE degree IN $degrees
CALL (me, firsts, c, degree) {
  WITH me, c WHERE degree = 1
  OPTIONAL MATCH (me)-[r:CLOSENESS]->(c)
  RETURN CASE r.level WHEN 'close' THEN 3.0 WHEN 'known' THEN 2.0 WHEN 'acquaintance' THEN 1.0
           ELSE 0.0 END AS strength, 0 AS brokers
  UNION
  WITH me, firsts, c WHERE degree = 2
  MATCH (c)-[:CONNECTED_TO]-(b:Person)
  WHERE b IN firsts AND NOT EXISTS { (b)-[:BLOCKED]-(c) }
  OPTIONAL MATCH (b)-[b_t:CLOSENESS]->(c)
  OPTIONAL MATCH (b)-[b_me:CLOSENESS]->(me)
  OPTIONAL MATCH (me)-[me_b:CLOSENESS]->(b)
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
  WITH c, b, decided, forwarded, median_answer_hours,
       CASE b_t.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
       END AS knows_target,
       CASE b_me.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
       END AS knows_you,
       CASE me_b.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
       END AS you_know,
       EXISTS {
         (b)-[:WROTE|FOR]-(r:Recommendation)-[:WROTE|FOR]-(c) WHERE r.state = 'accepted'
       } AS vouched_target,
       EXISTS {
         (b)-[:WROTE|FOR]-(r:Recommendation)-[:WROTE|FOR]-(me) WHERE r.state = 'accepted'
       } AS vouched_you
  // Grouped by c: a person who is not at degree 2 gets no row from this branch.
  WITH c, max(100 * you_know + 2 * knows_target + knows_you
              + CASE WHEN vouched_target THEN 2 ELSE 0 END
              + CASE WHEN vouched_you THEN 1 ELSE 0 END
              + CASE WHEN decided = 0 THEN 0.0
                     ELSE 4.0 * (toFloat(forwarded) / decided - 0.5) END
              + CASE WHEN median_answer_hours <= 48 THEN 1.0 ELSE 0.0 END) AS strength,
          count(b) AS brokers
  RETURN strength, brokers
  UNION
  WITH c WHERE degree = 3
  RETURN 0.0 AS strength, 0 AS brokers
}
WITH c, degree, strength, brokers, stints
ORDER BY degree, strength DESC, c.id
SKIP $skip
LIMIT $limit
RETURN c {.id, .name, .headline, .location, .industry, .profession} AS person, degree, brokers,
       [s IN stints | s {.title, .degree, .field, .start, .end}] AS stints
