// name: targets.board
// version: 1
// mode: read
// params: person_id (string), viewer_id (string), paths (int), expires_before (datetime),
//   reach_limit (int)
// returns: one row per organization person_id targets, by position: organization (id, kind, name,
//   domain), position, notes, added_at; first_current, first_former, second_current, second_former
//   (how many people with a position there are 1 or 2 hops from person_id, there now or before);
//   paths: the best `paths` people there now at 1 or 2 hops, each {person (summary), degree,
//   stints: [{title, degree, field, start, end}]}, in the order of organizations.people. Seen by
//   viewer_id: the seeker (viewer_id = person_id) sees everything below; a coach sees only what
//   their own view of the lists allows (below), in the counts too. Neither person_id nor anyone
//   blocked either way with person_id (or with the viewer) counts or lies on a path. No value
//   derived from a broker's closeness ratings is returned: they only order the paths.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', viewer_id: 'demo-ada', paths: 3, expires_before: datetime() - duration({days: 30}), reach_limit: 50000}
//
// What a viewer other than the seeker (a coach: a 1st connection the board is shared with) sees,
// as their own view of connection lists would show it (docs/people.md, docs/careers.md):
//   a 1st connection f of the seeker when the seeker's connections_visibility is 'connections',
//     or f is the viewer or one of the viewer's connections;
//   a 2nd-degree person c through a broker b shown so, when b's list shows the viewer b–c: b's
//     visibility is 'connections' and b is the viewer's connection, or b or c is the viewer, or
//     c is one of the viewer's connections.
// The strongest path (higher first), as in organizations.people v1:
//   degree 1: the seeker's closeness rating of them (close 3, known 2, acquaintance 1, none 0)
//   degree 2: the best shown broker: 100 * you_know + score, where you_know is the seeker's
//     rating of the broker and
//     score = 2 * (broker's rating of them) + (broker's rating of the seeker)
//             + 2 when an accepted recommendation links broker and them, + 1 for broker and seeker
//             + 4 * (forwarded / decided - 0.5) when the broker decided any introduction request
//             + 1 when the broker's median time to answer is at most 48 hours
MATCH (me:Person {id: $person_id}), (viewer:Person {id: $viewer_id})
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
// The viewer's own blocks and connections, when the viewer is not the seeker.
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
CALL (me, blocked) {
  OPTIONAL MATCH (me)-[:CONNECTED_TO]-(f:Person)
  WHERE NOT f IN blocked
  RETURN collect(f) AS firsts
}
WITH me, viewer, blocked, unseen, viewers, firsts,
     coalesce(me.connections_visibility, 'connections') = 'connections' AS open_list
WITH me, viewer, blocked, unseen, viewers, firsts,
     [f IN firsts WHERE viewer = me
        OR (NOT f IN unseen AND (open_list OR f = viewer OR f IN viewers))] AS shown
CALL (me) {
  OPTIONAL MATCH (me)-[:TARGETS]->(o:Organization)
  RETURN collect(o) AS orgs
}
// Whether the seeker's reach is small: at most reach_limit 2-hop rows (as network.second_degree
// counts them).
CALL (me, firsts) {
  UNWIND firsts AS f
  RETURN sum(COUNT { (f)-[:CONNECTED_TO]-() }) <= $reach_limit AS small_reach
}
// Everyone at a target within 2 hops, with their degree, their stints there and the 1st
// connections they are reached through (their brokers), one of two ways:
// - a small reach: the seeker's side (2 hops out) and the targets' side (their positions) meet
//   in a hash join on the person; grouping by person, min(hop) tells 1st from 2nd without
//   testing list membership row by row;
// - a large reach (a hub reaches most of the network, and its 2-hop rows would not fit in a
//   transaction's memory): from each target's positions, each person's connections among the
//   seeker's.
CALL (me, blocked, orgs, firsts, small_reach) {
  CALL (me, blocked, orgs, firsts, small_reach) {
    CALL (me, blocked, orgs, small_reach) {
      WITH me, blocked, orgs WHERE small_reach
      MATCH (me)-[:CONNECTED_TO]-(f:Person)-[:CONNECTED_TO]-(c:Person)-[w:WORKED_AT]->(o:Organization)
      USING JOIN ON c
      WHERE o IN orgs AND NOT f IN blocked AND c <> me
      RETURN c, 2 AS hop, f, w, o
      UNION ALL
      WITH me, orgs WHERE small_reach
      MATCH (me)-[:CONNECTED_TO]-(c:Person)-[w:WORKED_AT]->(o:Organization)
      WHERE o IN orgs
      RETURN c, 1 AS hop, null AS f, w, o
    }
    WITH c, min(hop) AS degree, collect(DISTINCT f) AS brokers, collect(DISTINCT [o, w]) AS jobs
    WHERE NOT c IN blocked
    UNWIND jobs AS job
    RETURN job[0] AS o, c, degree, brokers, collect(job[1]) AS stints
    UNION ALL
    WITH me, blocked, orgs, firsts WHERE NOT small_reach
    UNWIND orgs AS o
    CALL (o, me, blocked) {
      MATCH (o)<-[w:WORKED_AT]-(c:Person)
      WHERE c <> me AND NOT c IN blocked
      RETURN c, collect(w) AS stints
    }
    WITH o, c, stints, c IN firsts AS first,
         CASE WHEN c IN firsts THEN []
              ELSE [(c)-[:CONNECTED_TO]-(m:Person) WHERE m IN firsts | m] END AS brokers
    WITH o, c, stints, brokers, CASE WHEN first THEN 1 WHEN brokers <> [] THEN 2 END AS degree
    WHERE degree IS NOT NULL
    RETURN o, c, degree, brokers, stints
  }
  WITH o, collect({c: c, degree: degree, stints: stints, brokers: brokers}) AS people
  RETURN collect({o: o, people: people}) AS found
}
MATCH (me)-[t:TARGETS]->(o:Organization)
CALL (me, viewer, unseen, viewers, shown, found, o) {
  // Each person there once, with their stints (a row with no one when nobody is there).
  WITH me, viewer, unseen, viewers, shown,
       coalesce(head([x IN found WHERE x.o = o | x.people]), []) AS people
  UNWIND CASE WHEN people = [] THEN [null] ELSE people END AS x
  WITH me, viewer, viewers, shown, x.c AS c, x.degree AS degree, x.stints AS stints,
       x.brokers AS brokers
  WHERE c IS NULL OR NOT c IN unseen
  WITH me, viewer, viewers, shown, c, degree, stints, brokers,
       any(s IN stints WHERE s.end IS NULL) AS current
  CALL (me, viewer, viewers, shown, c, current, degree, brokers) {
    WITH me, c WHERE degree = 1 AND c IN shown
    OPTIONAL MATCH (me)-[r:CLOSENESS]->(c)
    RETURN CASE r.level WHEN 'close' THEN 3.0 WHEN 'known' THEN 2.0 WHEN 'acquaintance' THEN 1.0
             ELSE 0.0 END AS strength
    UNION
    // Alumni at 2 hops only need a shown path; the seeker's own view always has one.
    WITH me, viewer, viewers, shown, c, brokers
    WHERE degree = 2 AND NOT current AND (viewer = me OR any(b IN brokers
      WHERE b IN shown AND NOT EXISTS { (b)-[:BLOCKED]-(c) }
        AND (b = viewer OR c = viewer OR c IN viewers
             OR (coalesce(b.connections_visibility, 'connections') = 'connections'
                 AND b IN viewers))))
    RETURN 0.0 AS strength
    UNION
    WITH me, viewer, viewers, shown, c, brokers WHERE degree = 2 AND current
    UNWIND brokers AS b
    WITH me, viewer, viewers, shown, c, b
    WHERE (viewer = me OR b IN shown) AND NOT EXISTS { (b)-[:BLOCKED]-(c) }
      AND (viewer = me OR b = viewer OR c = viewer OR c IN viewers
           OR (coalesce(b.connections_visibility, 'connections') = 'connections'
               AND b IN viewers))
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
    WITH c, decided, forwarded, median_answer_hours,
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
    WITH c, max(100 * you_know + 2 * knows_target + knows_you
                + CASE WHEN vouched_target THEN 2 ELSE 0 END
                + CASE WHEN vouched_you THEN 1 ELSE 0 END
                + CASE WHEN decided = 0 THEN 0.0
                       ELSE 4.0 * (toFloat(forwarded) / decided - 0.5) END
                + CASE WHEN median_answer_hours <= 48 THEN 1.0 ELSE 0.0 END) AS strength
    RETURN strength
  }
  WITH c, stints, current, degree, strength
  ORDER BY degree, strength DESC, c.id
  RETURN count(CASE WHEN degree = 1 AND current THEN 1 END) AS first_current,
         count(CASE WHEN degree = 1 AND NOT current THEN 1 END) AS first_former,
         count(CASE WHEN degree = 2 AND current THEN 1 END) AS second_current,
         count(CASE WHEN degree = 2 AND NOT current THEN 1 END) AS second_former,
         collect(CASE WHEN current THEN {
           person: c {.id, .name, .headline, .location, .industry, .profession},
           degree: degree,
           stints: [s IN stints | s {.title, .degree, .field, .start, .end}]
         } END)[..$paths] AS paths
}
RETURN o {.id, .kind, .name, .domain} AS organization, t.position AS position,
       t.notes AS notes, t.added_at AS added_at, first_current, first_former, second_current,
       second_former, paths
ORDER BY position
