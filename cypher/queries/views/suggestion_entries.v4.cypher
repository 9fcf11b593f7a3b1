// name: views.suggestion_entries
// version: 4
// mode: read
// params: pairs (list of list of string), weights (map), pool_size (int), sample_size (int),
//   ties (map), now_month (int)
// returns: one row per pair [holder, candidate] whose candidate network.suggestions would suggest
//   to the holder now: holder, id, key (the score, exactly as network.suggestions computes it),
//   mutual_count, recommended_by and sample (the first sample_size mutual ids by id, padded with
//   ''). No row: not a candidate (the holder, a 1st connection, a request either way, dismissed,
//   blocked either way, or neither a mutual, a LinkedIn contact either way, a colleague, a
//   classmate nor in the holder's pool). The key counts weights.linkedin for a LinkedIn contact and
//   the ties (colleagues, classmates) as network.suggestions v3 defines and scores them. The exact
//   entries a network view's delta puts in place of its old ones (docs/views.md). Cost per pair:
//   min(the two degrees) index seeks on the connection pair key, the two people's positions and
//   education, the candidate's recommendations, and the pool rank only for a candidate without
//   mutuals, ties or a LinkedIn listing.
// example params (cypher-shell / Browser): :params {pairs: [['107', '2']], weights: {mutual: 1000, location: 150, industry: 100, profession: 150, complementary: 200, skill: 50, recommended: 500, linkedin: 100000000, colleague: 2000, classmate: 1000}, pool_size: 200, sample_size: 3, ties: {months: 60, group: 50, max_size: 2000}, now_month: 24311}
UNWIND $pairs AS pair
MATCH (me:Person {id: pair[0]}), (c:Person {id: pair[1]})
WHERE c <> me
  AND NOT EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < c.id THEN me.id + '|' + c.id
                                                 ELSE c.id + '|' + me.id END}]->() }
  AND NOT EXISTS { ()-[:REQUESTED {pair: me.id + '|' + c.id}]->() }
  AND NOT EXISTS { ()-[:REQUESTED {pair: c.id + '|' + me.id}]->() }
  AND NOT EXISTS { (me)-[:BLOCKED]-(c) }
  AND NOT EXISTS { (me)-[:DISMISSED]->(c) }
CALL (me, c) {
  WITH me, c, COUNT { (me)-[:CONNECTED_TO]-() } AS mine, COUNT { (c)-[:CONNECTED_TO]-() } AS theirs
  CALL (me, c, mine, theirs) {
    WITH me, c WHERE theirs <= mine
    MATCH (c)-[:CONNECTED_TO]-(m)
    WHERE EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < m.id THEN me.id + '|' + m.id
                                                 ELSE m.id + '|' + me.id END}]->() }
    RETURN m
    UNION ALL
    WITH me, c WHERE theirs > mine
    MATCH (me)-[:CONNECTED_TO]-(m)
    WHERE EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN c.id < m.id THEN c.id + '|' + m.id
                                                 ELSE m.id + '|' + c.id END}]->() }
    RETURN m
  }
  // Adamic-Adar, as network.suggestions weighs a mutual.
  WITH m, COUNT { (m)-[:CONNECTED_TO]-() } AS degree
  RETURN collect(m.id) AS mutual_ids,
         sum(CASE WHEN degree > 1 THEN toInteger(round($weights.mutual / log(degree)))
                  ELSE 0 END) AS mutual_score
}
// Colleagues and classmates: one row per organization where the two overlapped.
CALL (me, c) {
  CALL (me, c) {
    MATCH (me)-[p:WORKED_AT]->(o:Organization)<-[q:WORKED_AT]-(c)
    WHERE p.start IS NOT NULL AND q.start IS NOT NULL
    WITH o,
         CASE WHEN coalesce(p.end, $now_month) < coalesce(q.end, $now_month)
              THEN coalesce(p.end, $now_month) ELSE coalesce(q.end, $now_month) END
         - CASE WHEN p.start > q.start THEN p.start ELSE q.start END + 1 AS months
    WHERE months > 0
    WITH o, sum(months) AS months, COUNT { (o)<-[:WORKED_AT]-() } AS size
    WHERE size <= $ties.max_size
    RETURN $weights.colleague * CASE WHEN months < $ties.months THEN months ELSE $ties.months END
             * $ties.group
             / ($ties.months * CASE WHEN size > $ties.group THEN size ELSE $ties.group END) AS tie
    UNION ALL
    MATCH (me)-[p:STUDIED_AT]->(o:Organization)<-[q:STUDIED_AT]-(c)
    WHERE p.start IS NOT NULL AND q.start IS NOT NULL
    WITH o,
         CASE WHEN coalesce(p.end, $now_month) < coalesce(q.end, $now_month)
              THEN coalesce(p.end, $now_month) ELSE coalesce(q.end, $now_month) END
         - CASE WHEN p.start > q.start THEN p.start ELSE q.start END + 1 AS months
    WHERE months > 0
    WITH o, sum(months) AS months, COUNT { (o)<-[:STUDIED_AT]-() } AS size
    WHERE size <= $ties.max_size
    RETURN $weights.classmate * CASE WHEN months < $ties.months THEN months ELSE $ties.months END
             * $ties.group
             / ($ties.months * CASE WHEN size > $ties.group THEN size ELSE $ties.group END) AS tie
  }
  RETURN count(tie) AS ties, sum(tie) AS tie_score
}
CALL (me) {
  OPTIONAL MATCH (:Profession {name: me.profession})-[:COMPLEMENTS]-(other:Profession)
  RETURN collect(DISTINCT other.name) AS complements
}
// Listed in either one's imported LinkedIn export (backend/imports).
WITH me, c, mutual_ids, mutual_score, tie_score, ties, complements,
     EXISTS { (me)-[:HAS_CONTACT]->(:Contact)-[:MATCHES]->(c) }
     OR EXISTS { (c)-[:HAS_CONTACT]->(:Contact)-[:MATCHES]->(me) } AS linkedin_contact
// Without mutuals, a candidate only as one of the pool_size lowest ids sharing my location and
// my or a complementary profession, as a LinkedIn contact, a colleague or a classmate. The pool
// rank (an index range of everyone sharing my location and professions) is read only for a
// candidate that is none of the others: in one expression it was read for every candidate (v3:
// three quarters of the query's database hits for the entries a neighbours' delta recomputes,
// all of which have a mutual).
CALL (me, c, mutual_ids, ties, linkedin_contact, complements) {
  WITH me, c, complements
  WHERE size(mutual_ids) = 0 AND NOT linkedin_contact AND ties = 0
    AND c.location = me.location AND c.profession IN [me.profession] + complements
  OPTIONAL MATCH (p:Person)
  WHERE p.location = me.location AND p.profession IN [me.profession] + complements
    AND p.id < c.id AND p <> me
  WITH c, count(p) AS below
  WHERE below < $pool_size
  RETURN c AS pooled
  UNION ALL
  WITH c
  WHERE size(mutual_ids) > 0 OR linkedin_contact OR ties > 0
  RETURN c AS pooled
}
WITH me, c, mutual_ids, mutual_score, tie_score, complements, linkedin_contact,
     COUNT { (c)<-[:FOR]-(:Recommendation {state: 'accepted'})<-[:WROTE]-(f)
             WHERE EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < f.id THEN me.id + '|' + f.id
                                                          ELSE f.id + '|' + me.id END}]->() } }
       AS recommended_by,
     [s IN coalesce(me.skills, []) | toLower(s)] AS my_skills
WITH me, c, mutual_ids, recommended_by,
     mutual_score + tie_score
       + CASE WHEN coalesce(c.location = me.location, false) THEN $weights.location ELSE 0 END
       + CASE WHEN coalesce(c.industry = me.industry, false) THEN $weights.industry ELSE 0 END
       + CASE WHEN coalesce(c.profession = me.profession, false) THEN $weights.profession ELSE 0 END
       + CASE WHEN coalesce(c.profession IN complements, false) THEN $weights.complementary ELSE 0 END
       + size([s IN coalesce(c.skills, []) WHERE toLower(s) IN my_skills]) * $weights.skill
       + recommended_by * $weights.recommended
       + CASE WHEN linkedin_contact THEN $weights.linkedin ELSE 0 END AS score,
     COLLECT { UNWIND mutual_ids AS x RETURN x ORDER BY x LIMIT $sample_size } AS sample
RETURN me.id AS holder, c.id AS id, score AS key, size(mutual_ids) AS mutual_count, recommended_by,
       sample + [pad IN range(1, $sample_size - size(sample)) | ''] AS sample
