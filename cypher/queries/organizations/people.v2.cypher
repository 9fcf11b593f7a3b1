// name: organizations.people
// version: 2
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
// The strongest path (higher first):
//   degree 1: your closeness rating of them as points (close 3, known 2, acquaintance 1, none 0)
//   degree 2: the best broker in intros.brokers v3's order, max over the brokers b of
//     base(b) + pair(b, them), where
//     base(b) = 100 * you_know + (b's rating of you) + 1 when an accepted recommendation links b
//               and you + 4 * (forwarded / decided - 0.5) when b decided any introduction request
//               + 1 when b's median time to answer is at most 48 hours
//     pair(b, them) = 2 * (b's rating of them) + 2 when an accepted recommendation links b and them
//     (you_know: your rating of b as points; it orders first in intros.brokers too)
//   degree 3: 0
// What it costs: a page is worked out one degree at a time, and a degree only when the page
// reaches it (a hub's first page at a large organization is their 1st connections there). The
// 2nd-degree people are the pairs (your connection b, them) with them at the organization, found
// from the cheaper side: your connections' connections tested against the organization's people,
// or the organization's people's connections tested against yours (the cost of each is the sum
// of the degrees it expands). Each broker's own terms (base) are worked out once, not per pair.
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
// 1st connections there, strongest first.
CALL (me, o, firsts) {
  WITH o, firsts, [(me)-[r:CLOSENESS]->(x) | [x, r.level]] AS rated
  UNWIND CASE WHEN 1 IN $degrees THEN firsts ELSE [] END AS f
  MATCH (f)-[w:WORKED_AT|STUDIED_AT]->(o)
  WITH rated, f, collect(w) AS stints
  WHERE $tenure = 'any' OR any(x IN stints WHERE x.end IS NULL) = ($tenure = 'current')
  WITH f, head([r IN rated WHERE r[0] = f | r[1]]) AS level
  WITH f, CASE level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0
          END AS strength
  ORDER BY strength DESC, f.id
  RETURN collect(f) AS d1
}
WITH me, o, blocked, firsts, d1, size(d1) AS n1
// Beyond the 1st connections: the people there with the tenure asked for, but you and the
// blocked people, and about how many relationships expanding their connections would read (as
// many as the average person's: two per CONNECTED_TO, from the count store).
CALL (me, o, blocked, n1) {
  WITH me, o, blocked WHERE (2 IN $degrees OR 3 IN $degrees) AND $skip + $limit > n1
  MATCH (o)<-[w:WORKED_AT|STUDIED_AT]-(c)
  WHERE c <> me AND NOT c IN blocked
  WITH c, collect(w) AS stints
  WHERE $tenure = 'any' OR any(x IN stints WHERE x.end IS NULL) = ($tenure = 'current')
  RETURN collect(c) AS there
}
CALL () {
  MATCH ()-[r:CONNECTED_TO]->()
  RETURN count(r) AS connections
}
CALL () {
  MATCH (p:Person)
  RETURN count(p) AS people
}
WITH me, o, blocked, firsts, d1, n1, there,
     size(there) * 2.0 * connections / CASE WHEN people = 0 THEN 1 ELSE people END AS there_reach
// 2nd-degree people there, strongest first (also when only degree 3 is asked for: they are
// not at degree 3).
CALL (me, blocked, firsts, there, there_reach) {
  WITH me, blocked, firsts, there, there_reach WHERE there <> []
  CALL (me, firsts) {
    UNWIND firsts AS f
    RETURN sum(COUNT { (f)-[:CONNECTED_TO]-() }) AS reach
  }
  CALL (me, blocked, firsts, there, there_reach, reach) {
    WITH me, firsts, there WHERE reach <= there_reach
    UNWIND firsts AS b
    MATCH (b)-[:CONNECTED_TO]-(c)
    WHERE c IN there AND NOT c IN firsts
    RETURN b, c
    UNION ALL
    WITH me, firsts, there WHERE reach > there_reach
    UNWIND there AS c
    WITH me, firsts, c WHERE NOT c IN firsts
    MATCH (c)-[:CONNECTED_TO]-(b)
    WHERE b IN firsts
    RETURN b, c
  }
  // Per broker, once: their own terms (base), and whom they block, rate and vouch for (lists
  // that are nearly always empty, so that each pair costs no lookup in the store).
  WITH me, b, collect(c) AS reached
  WITH me, b, reached, [(b)-[:BLOCKED]-(x) | x] AS b_blocked,
       [(b)-[x:CLOSENESS]->(t) | [t, x.level]] AS b_rated,
       [(b)-[:WROTE|FOR]-(r:Recommendation)-[:WROTE|FOR]-(x) WHERE r.state = 'accepted' | x]
         AS b_vouched
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
  WITH b, b_blocked, b_rated, b_vouched, reached,
       100 * CASE me_b.level WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1
                ELSE 0 END
       + coalesce(head([r IN b_rated WHERE r[0] = me |
           CASE r[1] WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0 END
         ]), 0)
       + CASE WHEN me IN b_vouched THEN 1 ELSE 0 END
       + CASE WHEN decided = 0 THEN 0.0 ELSE 4.0 * (toFloat(forwarded) / decided - 0.5) END
       + CASE WHEN median_answer_hours <= 48 THEN 1.0 ELSE 0.0 END AS base
  UNWIND reached AS c
  WITH c, base, b_rated, b_vouched WHERE NOT c IN b_blocked
  WITH c, base
       + 2 * coalesce(head([r IN b_rated WHERE r[0] = c |
           CASE r[1] WHEN 'close' THEN 3 WHEN 'known' THEN 2 WHEN 'acquaintance' THEN 1 ELSE 0 END
         ]), 0)
       + CASE WHEN c IN b_vouched THEN 2 ELSE 0 END AS strength
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
  WITH firsts, there, seconds, [x IN d2 | x.c] AS nearer
  UNWIND there AS c
  WITH c, seconds WHERE NOT c IN firsts AND NOT c IN nearer
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
