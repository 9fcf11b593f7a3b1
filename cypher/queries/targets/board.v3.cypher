// name: targets.board
// version: 3
// mode: read
// params: person_id (string), viewer_id (string), paths (int), expires_before (datetime),
//   reach_limit (int), weights (map), ties (map), now_month (int)
// returns: one row per organization person_id targets, by position: organization (id, kind, name,
//   domain), position, notes, added_at; first_current, first_former, second_current, second_former
//   (how many people with a position there are 1 or 2 hops from person_id, there now or before);
//   paths: the best `paths` people there now at 1 or 2 hops, each {person (summary), degree,
//   stints: [{title, degree, field, start, end}]}, in the order of organizations.people. Seen by
//   viewer_id: the seeker (viewer_id = person_id) sees everything below; a coach sees only what
//   their own view of the lists allows (below), in the counts too. Neither person_id nor anyone
//   blocked either way with person_id (or with the viewer) counts or lies on a path. No value
//   derived from a broker's closeness ratings is returned: they only order the paths.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', viewer_id: 'demo-ada', paths: 3, expires_before: datetime() - duration({days: 30}), reach_limit: 50000, weights: {colleague: 2000, classmate: 1000}, ties: {months: 60, group: 50, max_size: 2000}, now_month: 24311}
//
// What a viewer other than the seeker (a coach: a 1st connection the board is shared with) sees,
// as their own view of connection lists would show it (docs/people.md, docs/careers.md):
//   a 1st connection f of the seeker when the seeker's connections_visibility is 'connections',
//     or f is the viewer or one of the viewer's connections;
//   a 2nd-degree person c through a broker b shown so, when b's list shows the viewer b–c: b's
//     visibility is 'connections' and b is the viewer's connection, or b or c is the viewer, or
//     c is one of the viewer's connections.
// The strongest path (higher first), as in organizations.people v4:
//   degree 1: the seeker's closeness rating of them (close 3, known 2, acquaintance 1, none 0)
//   degree 2: the best shown broker: 100 * you_know + score, where you_know is the seeker's
//     rating of the broker and score is intros.brokers v5's:
//     score = 2 * (broker's rating of them) + (broker's rating of the seeker)
//             + 2 when an accepted recommendation links broker and them, + 1 for broker and seeker
//             + 4 * (forwarded / decided - 0.5) when the broker decided any introduction request
//             + 1 when the broker's median time to answer is at most 48 hours
//             + min(3, tie points of broker and them / 1000) (colleagues and classmates)
// What it costs: the current 2nd-degree people of all targets are scored in one pass, each
// broker's own terms (ratings, recommendations, decided requests, entries) once for the board
// and each person's entries once, not once per (broker, person) pair as in v1, and only those at
// one of their brokers' organizations, without their size (v2 read them all, with the size).
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
// The current 2nd-degree people at every target, each with the strength of their best shown
// broker (one row per target: its people strongest first). A person without a shown broker
// (as a coach sees the board) is not there.
CALL (me, viewer, unseen, viewers, shown, found) {
  UNWIND found AS f
  UNWIND f.people AS x
  WITH me, viewer, viewers, shown, f.o AS o, x.c AS c, x.brokers AS brokers, x.stints AS stints
  WHERE x.degree = 2 AND any(s IN x.stints WHERE s.end IS NULL) AND NOT x.c IN unseen
  UNWIND brokers AS b
  WITH me, o, c, stints, b
  WHERE (viewer = me OR b IN shown)
    AND (viewer = me OR b = viewer OR c = viewer OR c IN viewers
         OR (coalesce(b.connections_visibility, 'connections') = 'connections'
             AND b IN viewers))
  // Per broker, once: their own terms (base), their entries where a tie can count (a start
  // known, at most ties.max_size entries there), and whom they block, rate and vouch for
  // (lists that are nearly always empty, so that each pair costs no lookup).
  WITH me, b, collect({o: o, c: c, stints: stints}) AS reached
  WITH me, b, reached, [(b)-[:BLOCKED]-(x) | x] AS b_blocked,
       [(b)-[x:CLOSENESS]->(t) | [t, x.level]] AS b_rated,
       [(b)-[:WROTE|FOR]-(r:Recommendation)-[:WROTE|FOR]-(x) WHERE r.state = 'accepted' | x]
         AS b_vouched,
       [s IN
          [(b)-[p:WORKED_AT|STUDIED_AT]->(x) WHERE p.start IS NOT NULL |
            CASE type(p)
              WHEN 'WORKED_AT' THEN {o: x, kind: 'work', start: p.start, end: p.end,
                                     size: COUNT { (x)<-[:WORKED_AT]-() }}
              ELSE {o: x, kind: 'study', start: p.start, end: p.end,
                    size: COUNT { (x)<-[:STUDIED_AT]-() }}
            END]
        WHERE s.size <= $ties.max_size] AS b_entries
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
  WITH reached, {b_blocked: b_blocked, b_rated: b_rated, b_vouched: b_vouched,
                 b_entries: b_entries,
                 base: 100 * CASE me_b.level WHEN 'close' THEN 3 WHEN 'known' THEN 2
                                 WHEN 'acquaintance' THEN 1 ELSE 0 END
                   + coalesce(head([r IN b_rated WHERE r[0] = me |
                       CASE r[1] WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1
                         ELSE 0 END
                     ]), 0)
                   + CASE WHEN me IN b_vouched THEN 1 ELSE 0 END
                   + CASE WHEN decided = 0 THEN 0.0
                       ELSE 4.0 * (toFloat(forwarded) / decided - 0.5) END
                   + CASE WHEN median_answer_hours <= 48 THEN 1.0 ELSE 0.0 END} AS terms
  // Per (target, person), once: their entries at their brokers' organizations only (a tie
  // needs both there; the broker's side says how big it is), then each pair.
  UNWIND reached AS x
  WITH x.o AS o, x.c AS c, x.stints AS stints, collect(terms) AS brokers_terms
  WITH o, c, stints, brokers_terms,
       reduce(orgs = [], t IN brokers_terms | orgs + [e IN t.b_entries | e.o]) AS orgs
  WITH o, c, stints, brokers_terms,
       [(c)-[p:WORKED_AT|STUDIED_AT]->(x) WHERE x IN orgs AND p.start IS NOT NULL |
         {o: x, kind: CASE type(p) WHEN 'WORKED_AT' THEN 'work' ELSE 'study' END,
          start: p.start, end: p.end}] AS c_entries
  UNWIND brokers_terms AS t
  WITH o, c, stints, c_entries, t.b_blocked AS b_blocked, t.b_rated AS b_rated,
       t.b_vouched AS b_vouched, t.b_entries AS b_entries, t.base AS base
  WHERE NOT c IN b_blocked
  // Colleagues and classmates: intros.brokers v5's tie points, from the two lists.
  CALL (b_entries, c_entries) {
    UNWIND b_entries AS p
    UNWIND c_entries AS q
    WITH p, q WHERE p.o = q.o AND p.kind = q.kind
    WITH p,
         CASE WHEN coalesce(p.end, $now_month) < coalesce(q.end, $now_month)
              THEN coalesce(p.end, $now_month) ELSE coalesce(q.end, $now_month) END
         - CASE WHEN p.start > q.start THEN p.start ELSE q.start END + 1 AS months
    WHERE months > 0
    WITH p.o AS o, p.kind AS kind, p.size AS size, sum(months) AS months
    RETURN sum(CASE kind WHEN 'work' THEN $weights.colleague ELSE $weights.classmate END
               * CASE WHEN months < $ties.months THEN months ELSE $ties.months END * $ties.group
               / ($ties.months * CASE WHEN size > $ties.group THEN size ELSE $ties.group END))
             AS tie_points
  }
  WITH o, c, stints, base
       + 2 * coalesce(head([r IN b_rated WHERE r[0] = c |
           CASE r[1] WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0 END
         ]), 0)
       + CASE WHEN c IN b_vouched THEN 2 ELSE 0 END
       + CASE WHEN tie_points > 3000 THEN 3.0 ELSE tie_points / 1000.0 END AS strength
  WITH o, c, stints, max(strength) AS strength
  ORDER BY strength DESC, c.id
  WITH o, collect({c: c, stints: stints}) AS people
  RETURN collect({o: o, people: people}) AS seconds
}
MATCH (me)-[t:TARGETS]->(o)
CALL (me, viewer, unseen, viewers, shown, found, seconds, o) {
  WITH me, viewer, unseen, viewers, shown,
       [x IN coalesce(head([f IN found WHERE f.o = o | f.people]), []) WHERE NOT x.c IN unseen]
         AS people,
       coalesce(head([s IN seconds WHERE s.o = o | s.people]), []) AS second_now
  WITH me, viewer, viewers, shown, second_now,
       [x IN people WHERE x.degree = 1 AND x.c IN shown] AS first,
       [x IN people WHERE x.degree = 2 AND NOT any(s IN x.stints WHERE s.end IS NULL)] AS alumni
  WITH me, viewer, viewers, shown, second_now, alumni, first,
       [x IN first WHERE any(s IN x.stints WHERE s.end IS NULL)] AS first_now
  // Alumni at 2 hops only need a shown path; the seeker's own view always has one.
  CALL (me, viewer, viewers, shown, alumni) {
    UNWIND alumni AS x
    WITH me, viewer, viewers, shown, x.c AS c, x.brokers AS brokers
    WHERE viewer = me OR any(b IN brokers
      WHERE b IN shown AND NOT EXISTS { (b)-[:BLOCKED]-(c) }
        AND (b = viewer OR c = viewer OR c IN viewers
             OR (coalesce(b.connections_visibility, 'connections') = 'connections'
                 AND b IN viewers)))
    RETURN count(c) AS second_former
  }
  // The 1st connections there now, by the seeker's rating of them.
  CALL (me, first_now) {
    UNWIND first_now AS x
    WITH me, x, x.c AS c
    OPTIONAL MATCH (me)-[r:CLOSENESS]->(c)
    WITH x, c, CASE r.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1
                 ELSE 0 END AS strength
    ORDER BY strength DESC, c.id
    RETURN collect(x) AS ranked_first
  }
  RETURN size(first_now) AS first_current, size(first) - size(first_now) AS first_former,
         size(second_now) AS second_current, second_former,
         [x IN ([x IN ranked_first | {c: x.c, degree: 1, stints: x.stints}]
                + [x IN second_now[..$paths] | {c: x.c, degree: 2, stints: x.stints}])[..$paths] |
           {
             person: {id: x.c.id, name: x.c.name, headline: x.c.headline,
                      location: x.c.location, industry: x.c.industry,
                      profession: x.c.profession},
             degree: x.degree,
             stints: [s IN x.stints | s {.title, .degree, .field, .start, .end}]
           }] AS paths
}
RETURN o {.id, .kind, .name, .domain} AS organization, t.position AS position,
       t.notes AS notes, t.added_at AS added_at, first_current, first_former, second_current,
       second_former, paths
ORDER BY position
