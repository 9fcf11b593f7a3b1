// name: organizations.people
// version: 4
// mode: read
// params: person_id (string), organization_id (string), degrees (list of int), tenure (string),
//   expires_before (datetime), weights (map), ties (map), now_month (int), skip (int), limit (int)
// returns: up to limit rows after the first skip, the people with a position (or an education
//   entry) at the organization who are within person_id's network at one of degrees (1, 2, 3), with
//   tenure 'current' (a stint with no end), 'former' (none without) or 'any'; nearest first, then
//   the strongest path, then id. Columns: person (summary), degree, brokers (for degree 2: how
//   many of person_id's connections know them), stints (each {title, degree, field, start, end};
//   months). Neither person_id nor anyone blocked either way with person_id appears, brokers, or
//   lies on a path. No value derived from a broker's closeness ratings is returned: as in
//   intros.brokers, they only order the rows.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', organization_id: 'demo-org-northwind', degrees: [1, 2], tenure: 'any', expires_before: datetime() - duration({days: 30}), weights: {colleague: 2000, classmate: 1000}, ties: {months: 60, group: 50, max_size: 2000}, now_month: 24311, skip: 0, limit: 21}
//
// The strongest path (higher first):
//   degree 1: your closeness rating of them as points (close 3, known 2, acquaintance 1, none 0)
//   degree 2: the best broker in intros.brokers v5's order, max over the brokers b of
//     base(b) + pair(b, them), where
//     base(b) = 100 * you_know + (b's rating of you) + 1 when an accepted recommendation links b
//               and you + 4 * (forwarded / decided - 0.5) when b decided any introduction request
//               + 1 when b's median time to answer is at most 48 hours
//     pair(b, them) = 2 * (b's rating of them) + 2 when an accepted recommendation links b and them
//               + min(3, tie points of b and them / 1000) (colleagues and classmates: the points
//               of network.suggestions v3 and intros.brokers v5, docs/discovery.md)
//     (you_know: your rating of b as points; it orders first in intros.brokers too)
//   degree 3: 0
// What it costs: a page is worked out one degree at a time, and a degree only when the page
// reaches it (a hub's first page at a large organization is their 1st connections there). Each
// degree starts from the cheaper side, weighed with the count store's averages (entries and
// connections per person): the 1st connections there are the organization's entries tested
// against your connections, or your connections' entries tested against the organization; the
// 2nd-degree people are your connections' connections tested for an entry there, or the
// organization's people's connections tested against yours. Each broker's own terms (base,
// entries) are worked out once, not per pair, and each 2nd-degree person's entries once, and
// only those at one of their brokers' organizations (v3 read all of them, with each
// organization's size: 75k of a median person's 113k db hits at the largest organization); the
// tie points of a pair are then computed from the two lists, with no read.
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
// The averages that weigh the two sides (count store reads, no scan).
CALL () {
  MATCH (p:Person)
  RETURN count(p) AS people
}
CALL () {
  MATCH ()-[r:CONNECTED_TO]->()
  RETURN count(r) AS connections
}
CALL () {
  MATCH ()-[r:WORKED_AT]->()
  RETURN count(r) AS positions
}
CALL () {
  MATCH ()-[r:STUDIED_AT]->()
  RETURN count(r) AS education
}
WITH me, o, blocked, firsts, COUNT { (o)<-[:WORKED_AT|STUDIED_AT]-() } AS entries,
     toFloat(positions + education) / CASE WHEN people = 0 THEN 1 ELSE people END AS per_person,
     2.0 * connections / CASE WHEN people = 0 THEN 1 ELSE people END AS per_person_connections
// 1st connections there, strongest first.
CALL (me, o, firsts, entries, per_person) {
  WITH me, o, firsts, entries, per_person WHERE 1 IN $degrees
  CALL (o, firsts, entries, per_person) {
    WITH o, firsts WHERE entries <= size(firsts) * per_person
    MATCH (o)<-[w:WORKED_AT|STUDIED_AT]-(f)
    WHERE f IN firsts
    RETURN f, w
    UNION ALL
    WITH o, firsts WHERE entries > size(firsts) * per_person
    UNWIND firsts AS f
    MATCH (f)-[w:WORKED_AT|STUDIED_AT]->(o)
    RETURN f, w
  }
  WITH me, f, collect(w) AS stints
  WHERE $tenure = 'any' OR any(x IN stints WHERE x.end IS NULL) = ($tenure = 'current')
  WITH me, collect(f) AS there
  WITH there, [(me)-[r:CLOSENESS]->(x) | [x, r.level]] AS rated
  UNWIND there AS f
  WITH f, head([r IN rated WHERE r[0] = f | r[1]]) AS level
  WITH f, CASE level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
          END AS strength
  ORDER BY strength DESC, f.id
  RETURN collect(f) AS d1
}
WITH me, o, blocked, firsts, entries, per_person_connections, d1, size(d1) AS n1
// Beyond the 1st connections: the people there with the tenure asked for, but you, the blocked
// people and your connections (a set: testing a 2-hop row against it is a hash lookup).
CALL (me, o, blocked, firsts, n1) {
  WITH me, o, blocked, firsts WHERE (2 IN $degrees OR 3 IN $degrees) AND $skip + $limit > n1
  MATCH (o)<-[w:WORKED_AT|STUDIED_AT]-(c)
  WHERE c <> me AND NOT c IN blocked AND NOT c IN firsts
  WITH c, collect(w) AS stints
  WHERE $tenure = 'any' OR any(x IN stints WHERE x.end IS NULL) = ($tenure = 'current')
  RETURN collect(c) AS there
}
// 2nd-degree people there, strongest first (also when only degree 3 is asked for: they are
// not at degree 3), each with the brokers who know them.
CALL (me, firsts, there, per_person_connections) {
  WITH me, firsts, there, per_person_connections WHERE there <> []
  CALL (firsts) {
    UNWIND firsts AS f
    RETURN sum(COUNT { (f)-[:CONNECTED_TO]-() }) AS reach
  }
  CALL (firsts, there, per_person_connections, reach) {
    WITH firsts, there WHERE reach <= size(there) * per_person_connections
    UNWIND firsts AS b
    MATCH (b)-[:CONNECTED_TO]-(c)
    WHERE c IN there
    WITH c, collect(b) AS bs
    RETURN c, bs
    UNION ALL
    WITH firsts, there WHERE reach > size(there) * per_person_connections
    UNWIND there AS c
    WITH c, [(c)-[:CONNECTED_TO]-(b) WHERE b IN firsts | b] AS bs
    WHERE bs <> []
    RETURN c, bs
  }
  UNWIND bs AS b
  // Per broker, once: their own terms (base), their entries where a tie can count (a start
  // known, at most ties.max_size entries there), and whom they block, rate and vouch for
  // (lists that are nearly always empty, so that each pair costs no lookup).
  WITH me, b, collect(c) AS reached
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
  // Per 2nd-degree person, once: their entries at their brokers' organizations only (a tie
  // needs both there; the broker's side says how big it is), then each pair.
  UNWIND reached AS c
  WITH c, collect(terms) AS brokers_terms
  WITH c, brokers_terms,
       reduce(orgs = [], t IN brokers_terms | orgs + [e IN t.b_entries | e.o]) AS orgs
  WITH c, brokers_terms,
       [(c)-[p:WORKED_AT|STUDIED_AT]->(x) WHERE x IN orgs AND p.start IS NOT NULL |
         {o: x, kind: CASE type(p) WHEN 'WORKED_AT' THEN 'work' ELSE 'study' END,
          start: p.start, end: p.end}] AS c_entries
  UNWIND brokers_terms AS t
  WITH c, c_entries, t.b_blocked AS b_blocked, t.b_rated AS b_rated, t.b_vouched AS b_vouched,
       t.b_entries AS b_entries, t.base AS base
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
  WITH c, base
       + 2 * coalesce(head([r IN b_rated WHERE r[0] = c |
           CASE r[1] WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0 END
         ]), 0)
       + CASE WHEN c IN b_vouched THEN 2 ELSE 0 END
       + CASE WHEN tie_points > 3000 THEN 3.0 ELSE tie_points / 1000.0 END AS strength
  WITH c, max(strength) AS strength, count(*) AS brokers
  ORDER BY strength DESC, c.id
  RETURN collect({c: c, brokers: brokers}) AS d2
}
WITH me, o, blocked, firsts, there, d1, n1, coalesce(d2, []) AS d2
WITH me, o, blocked, firsts, there, d1, n1, d2,
     CASE WHEN 2 IN $degrees THEN size(d2) ELSE 0 END AS n2
// 3rd-degree people there, by id: 2 hops from one of your 2nd connections' people.
CALL (me, blocked, firsts, there, d2, n1, n2) {
  WITH me, blocked, firsts, there, d2 WHERE 3 IN $degrees AND $skip + $limit > n1 + n2
  CALL (me, blocked, firsts) {
    UNWIND firsts AS f
    MATCH (f)-[:CONNECTED_TO]-(s:Person)
    WHERE s <> me AND NOT s IN blocked AND NOT s IN firsts
    RETURN collect(DISTINCT s) AS seconds
  }
  WITH there, seconds, [x IN d2 | x.c] AS nearer
  UNWIND there AS c
  WITH c, seconds WHERE NOT c IN nearer
    AND EXISTS { (c)-[:CONNECTED_TO]-(x) WHERE x IN seconds }
  ORDER BY c.id
  RETURN collect(c) AS d3
}
WITH o, [c IN d1 | {c: c, degree: 1, brokers: 0}]
        + [x IN d2 | {c: x.c, degree: 2, brokers: x.brokers}][..n2]
        + [c IN coalesce(d3, []) | {c: c, degree: 3, brokers: 0}] AS ranked
WITH o, ranked[$skip..$skip + $limit] AS page
UNWIND range(0, size(page) - 1) AS i
WITH o, i, page[i].c AS c, page[i].degree AS degree, page[i].brokers AS brokers
CALL (o, c) {
  MATCH (c)-[w:WORKED_AT|STUDIED_AT]->(o)
  RETURN collect(w) AS stints
}
RETURN c {.id, .name, .headline, .location, .industry, .profession} AS person, degree, brokers,
       [s IN stints | s {.title, .degree, .field, .start, .end}] AS stints
ORDER BY i
