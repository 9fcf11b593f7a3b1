// name: network.suggestions
// version: 4
// mode: read
// params: person_id (string), weights (map), pool_size (int), ties (map), now_month (int),
//   after_score (int), after_id (string), limit (int), sample_size (int)
// returns: people person_id may know, best first (score desc, then id), after the cursor
//   (after_score, after_id; nulls for the first page): id, name, headline, location, industry,
//   profession, score (an integer), mutual_count, mutual_sample ({id, name} of the first
//   sample_size mutuals by id), same_location, same_industry, same_profession,
//   complementary_profession (booleans), shared_skills (theirs, compared lower-case),
//   recommended_by (how many of person_id's 1st connections wrote them an accepted recommendation),
//   linkedin_contact (one of the two listed the other in an imported LinkedIn export:
//   (:Person)-[:HAS_CONTACT]->(:Contact)-[:MATCHES]->(:Person), either way), worked_together and
//   studied_together (per organization where they overlapped: {id, name, from, to}, the first and
//   last month together, to null while both are still there; latest first, then by id), what
//   makes them colleagues or classmates below.
//   Candidates: everyone two hops away, plus the pool_size people (lowest ids) with person_id's
//   location and the same or a complementary profession ((:Profession)-[:COMPLEMENTS]-
//   (:Profession)), so that a newcomer without connections gets suggestions too, plus the LinkedIn
//   contacts (either way), plus colleagues and classmates at any distance. Never person_id, a 1st
//   connection, anyone with a request either way (pending or ignored), anyone person_id
//   dismissed, anyone blocked either way. score = sum over mutuals m of round(weights.mutual /
//   ln(degree of m)) (Adamic-Adar: a mutual who knows everyone says little) + weights.location,
//   .industry, .profession, .complementary when shared + weights.skill per shared skill +
//   weights.recommended per connection of person_id who recommended them + weights.linkedin for a
//   LinkedIn contact (large: they come first) + the ties below. Integers, so that the order and
//   the cursor are exact.
//
// Ties (docs/discovery.md, "Worked and studied together"): a colleague has a position
// (WORKED_AT) at the same organization overlapping one of person_id's by a month or more; a
// classmate an education entry (STUDIED_AT, both starts known) overlapping likewise; months are
// year * 12 + month - 1, an end null means now_month, and both ends count. Only organizations
// with at most ties.max_size such entries (its size, ever) count. Per organization:
//   months = sum over overlapping pairs of entries of (min(ends) - max(starts) + 1)
//   points = weight * min(months, ties.months) * ties.group / (ties.months * max(size, ties.group))
// in integers (division rounds down), weight = weights.colleague or weights.classmate.
//
// Cost (v4; v3 summed all seven terms over one union of every source's rows, ~45 s of a 1M
// hub's 54 s): the 2-hop rows, millions for a hub, are aggregated apart with three
// aggregates (points, count, nearest), like network.second_degree; the other sources' few
// candidates are aggregated apart too and each scored whole (its mutuals from its own side),
// and the 2-hop list leaves them out, so the two lists add up to v3's answer exactly.
// example params (cypher-shell / Browser): :params {person_id: '107', weights: {mutual: 1000, location: 150, industry: 100, profession: 150, complementary: 200, skill: 50, recommended: 500, linkedin: 100000000, colleague: 2000, classmate: 1000}, pool_size: 200, ties: {months: 60, group: 50, max_size: 2000}, now_month: 24311, after_score: null, after_id: null, limit: 21, sample_size: 3}
MATCH (me:Person {id: $person_id})
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
CALL (me) {
  OPTIONAL MATCH (:Profession {name: me.profession})-[:COMPLEMENTS]-(other:Profession)
  RETURN collect(DISTINCT other.name) AS complements
}
// The other sources' candidates (few): the same-place pool, LinkedIn contacts, colleagues,
// classmates (hop 1: a candidate itself) and the people my connections recommended (hop 2:
// they add to a candidate, they do not make one), one row each with their terms.
CALL (me, blocked, complements) {
  CALL (me, blocked, complements) {
    MATCH (c:Person)
    WHERE c.location = me.location AND c.profession IN [me.profession] + complements
      AND c <> me
    WITH c ORDER BY c.id LIMIT $pool_size
    RETURN c, 1 AS hop, 0 AS recommended, 0 AS linked, 0 AS tie
    UNION ALL
    // Listed in either one's imported LinkedIn export (backend/imports): a candidate itself.
    MATCH (me)-[:HAS_CONTACT]->(:Contact)-[:MATCHES]->(c)
    RETURN c, 1 AS hop, 0 AS recommended, 1 AS linked, 0 AS tie
    UNION ALL
    MATCH (me)<-[:MATCHES]-(:Contact)<-[:HAS_CONTACT]-(c)
    RETURN c, 1 AS hop, 0 AS recommended, 1 AS linked, 0 AS tie
    UNION ALL
    // Colleagues, at any distance: only organizations small enough to say something are
    // expanded (a degree count each), so a 15,000-person employer costs nothing.
    MATCH (me)-[p:WORKED_AT]->(o:Organization)
    WHERE COUNT { (o)<-[:WORKED_AT]-() } <= $ties.max_size
    MATCH (o)<-[q:WORKED_AT]-(c:Person)
    WHERE c <> me AND p.start IS NOT NULL AND q.start IS NOT NULL
    WITH c, o,
         CASE WHEN coalesce(p.end, $now_month) < coalesce(q.end, $now_month)
              THEN coalesce(p.end, $now_month) ELSE coalesce(q.end, $now_month) END
         - CASE WHEN p.start > q.start THEN p.start ELSE q.start END + 1 AS months
    WHERE months > 0
    WITH c, o, sum(months) AS months
    WITH c, o, CASE WHEN months < $ties.months THEN months ELSE $ties.months END AS months,
         COUNT { (o)<-[:WORKED_AT]-() } AS size
    RETURN c, 1 AS hop, 0 AS recommended, 0 AS linked,
           $weights.colleague * months * $ties.group
             / ($ties.months * CASE WHEN size > $ties.group THEN size ELSE $ties.group END) AS tie
    UNION ALL
    // Classmates, the same way.
    MATCH (me)-[p:STUDIED_AT]->(o:Organization)
    WHERE COUNT { (o)<-[:STUDIED_AT]-() } <= $ties.max_size
    MATCH (o)<-[q:STUDIED_AT]-(c:Person)
    WHERE c <> me AND p.start IS NOT NULL AND q.start IS NOT NULL
    WITH c, o,
         CASE WHEN coalesce(p.end, $now_month) < coalesce(q.end, $now_month)
              THEN coalesce(p.end, $now_month) ELSE coalesce(q.end, $now_month) END
         - CASE WHEN p.start > q.start THEN p.start ELSE q.start END + 1 AS months
    WHERE months > 0
    WITH c, o, sum(months) AS months
    WITH c, o, CASE WHEN months < $ties.months THEN months ELSE $ties.months END AS months,
         COUNT { (o)<-[:STUDIED_AT]-() } AS size
    RETURN c, 1 AS hop, 0 AS recommended, 0 AS linked,
           $weights.classmate * months * $ties.group
             / ($ties.months * CASE WHEN size > $ties.group THEN size ELSE $ties.group END) AS tie
    UNION ALL
    // Vouched for by people I know (accepted recommendations only).
    MATCH (me)-[:CONNECTED_TO]-(f)-[:WROTE]->(:Recommendation {state: 'accepted'})-[:FOR]->(c)
    WHERE NOT f IN blocked
    RETURN c, 2 AS hop, 1 AS recommended, 0 AS linked, 0 AS tie
  }
  WITH c, min(hop) AS hop, sum(recommended) AS recommended_by, sum(linked) > 0 AS linkedin_contact,
       sum(tie) AS tie_score
  RETURN collect({c: c, hop: hop, recommended_by: recommended_by,
                  linkedin_contact: linkedin_contact, tie_score: tie_score}) AS others
}
CALL (me, blocked, others) {
  // Each of them scored whole: their mutuals counted from their side (a few connections each,
  // each checked against mine), left out as the 2-hop list leaves people out.
  UNWIND others AS other
  WITH me, blocked, other, other.c AS c
  WHERE NOT c IN blocked AND NOT EXISTS { (me)-[:CONNECTED_TO|REQUESTED]-(c) }
    AND NOT EXISTS { (me)-[:DISMISSED]->(c) }
  CALL (me, blocked, c) {
    MATCH (c)-[:CONNECTED_TO]-(m)
    WHERE c <> me AND NOT m IN blocked
    WITH m, COUNT { (m)-[:CONNECTED_TO]-(me) } AS links
    WHERE links > 0
    WITH m, links, COUNT { (m)-[:CONNECTED_TO]-() } AS degree
    RETURN sum(links * toInteger(round($weights.mutual / log(degree)))) AS mutual_score,
           sum(links) AS mutual_count
  }
  WITH c, other, mutual_score, mutual_count
  WHERE other.hop = 1 OR mutual_count > 0
  RETURN c, mutual_score, mutual_count, other.recommended_by AS recommended_by,
         other.linkedin_contact AS linkedin_contact, other.tie_score AS tie_score
  UNION ALL
  // Everyone else two hops away, once per mutual (hop 1), and the people to leave out (hop 0:
  // those above too, scored already): grouped by person, min(hop) = 1 keeps the candidates (a
  // hash-set difference, not a test per row).
  CALL (me, blocked, others) {
    MATCH (me)-[:CONNECTED_TO]-(f)
    WHERE NOT f IN blocked
    WITH me, f, COUNT { (f)-[:CONNECTED_TO]-() } AS degree
    WHERE degree > 1
    WITH me, f, toInteger(round($weights.mutual / log(degree))) AS weight
    MATCH (f)-[:CONNECTED_TO]-(c)
    WHERE c <> me
    RETURN c, 1 AS hop, weight
    UNION ALL
    MATCH (me)-[:CONNECTED_TO|REQUESTED]-(c)
    RETURN c, 0 AS hop, 0 AS weight
    UNION ALL
    MATCH (me)-[:DISMISSED]->(c)
    RETURN c, 0 AS hop, 0 AS weight
    UNION ALL
    UNWIND others AS other
    RETURN other.c AS c, 0 AS hop, 0 AS weight
  }
  WITH c, min(hop) AS nearest, sum(weight) AS mutual_score, count(*) AS mutual_count
  WHERE nearest = 1 AND NOT c IN blocked
  RETURN c, mutual_score, mutual_count, 0 AS recommended_by, false AS linkedin_contact,
         0 AS tie_score
}
WITH me, blocked, complements, c, mutual_score, mutual_count, recommended_by, linkedin_contact,
     tie_score, [s IN coalesce(me.skills, []) | toLower(s)] AS my_skills
WITH me, blocked, c, mutual_score, mutual_count, recommended_by, linkedin_contact, tie_score,
     coalesce(c.location = me.location, false) AS same_location,
     coalesce(c.industry = me.industry, false) AS same_industry,
     coalesce(c.profession = me.profession, false) AS same_profession,
     coalesce(c.profession IN complements, false) AS complementary_profession,
     [s IN coalesce(c.skills, []) WHERE toLower(s) IN my_skills] AS shared_skills
WITH me, blocked, c, mutual_count, same_location, same_industry, same_profession,
     complementary_profession, shared_skills, recommended_by, linkedin_contact,
     mutual_score + tie_score
       + CASE WHEN same_location THEN $weights.location ELSE 0 END
       + CASE WHEN same_industry THEN $weights.industry ELSE 0 END
       + CASE WHEN same_profession THEN $weights.profession ELSE 0 END
       + CASE WHEN complementary_profession THEN $weights.complementary ELSE 0 END
       + size(shared_skills) * $weights.skill
       + recommended_by * $weights.recommended
       + CASE WHEN linkedin_contact THEN $weights.linkedin ELSE 0 END AS score
WHERE $after_score IS NULL OR score < $after_score OR (score = $after_score AND c.id > $after_id)
WITH me, blocked, c, score, mutual_count, same_location, same_industry, same_profession,
     complementary_profession, shared_skills, recommended_by, linkedin_contact
ORDER BY score DESC, c.id
LIMIT $limit
RETURN c.id AS id, c.name AS name, c.headline AS headline, c.location AS location,
       c.industry AS industry, c.profession AS profession, score, mutual_count,
       COLLECT {
         MATCH (c)-[:CONNECTED_TO]-(m)-[:CONNECTED_TO]-(me)
         USING JOIN ON m
         WHERE NOT m IN blocked
         RETURN m {.id, .name} AS mutual
         ORDER BY mutual.id
         LIMIT $sample_size
       } AS mutual_sample,
       same_location, same_industry, same_profession, complementary_profession, shared_skills,
       recommended_by, linkedin_contact,
       COLLECT {
         MATCH (c)-[q:WORKED_AT]->(o:Organization)<-[p:WORKED_AT]-(me)
         WHERE p.start IS NOT NULL AND q.start IS NOT NULL
           AND COUNT { (o)<-[:WORKED_AT]-() } <= $ties.max_size
         WITH o, CASE WHEN p.start > q.start THEN p.start ELSE q.start END AS from,
              CASE WHEN p.end IS NULL THEN q.end WHEN q.end IS NULL OR p.end < q.end THEN p.end
                   ELSE q.end END AS to
         WHERE to IS NULL OR to >= from
         WITH o, min(from) AS from, CASE WHEN count(to) < count(*) THEN null ELSE max(to) END AS to
         RETURN o {.id, .name, from: from, to: to} AS tie
         ORDER BY tie.to IS NULL DESC, tie.to DESC, tie.id
       } AS worked_together,
       COLLECT {
         MATCH (c)-[q:STUDIED_AT]->(o:Organization)<-[p:STUDIED_AT]-(me)
         WHERE p.start IS NOT NULL AND q.start IS NOT NULL
           AND COUNT { (o)<-[:STUDIED_AT]-() } <= $ties.max_size
         WITH o, CASE WHEN p.start > q.start THEN p.start ELSE q.start END AS from,
              CASE WHEN p.end IS NULL THEN q.end WHEN q.end IS NULL OR p.end < q.end THEN p.end
                   ELSE q.end END AS to
         WHERE to IS NULL OR to >= from
         WITH o, min(from) AS from, CASE WHEN count(to) < count(*) THEN null ELSE max(to) END AS to
         RETURN o {.id, .name, from: from, to: to} AS tie
         ORDER BY tie.to IS NULL DESC, tie.to DESC, tie.id
       } AS studied_together
ORDER BY score DESC, id
