// name: views.suggestions_page
// version: 4
// mode: read
// params: person_id (string), ties (map), after_score (int), after_id (string), limit (int)
// returns: one row when person_id exists. With a current view of them (computed, and not older than
//   their own latest change): as_of, complete (the view holds every candidate), exact (how many
//   entries rank above its floor: every candidate ranked above it is among them) and items, the
//   next page of network.suggestions read from those entries: up to limit maps with that query's
//   columns, best first, after the cursor (after_score, after_id; nulls for the first page). Score,
//   mutual_count, mutual_sample and recommended_by are the view's; the reasons (same_location, ...,
//   shared_skills, linkedin_contact, worked_together, studied_together; ties as
//   network.suggestions v3 has them) are read from the two profiles, careers and the imported
//   LinkedIn contacts now. People person_id has since dismissed, asked or been asked by,
//   connected to or blocked are left out. Fewer than limit items from a view that
//   is not complete means the exact entries ran out: ask network.suggestions with the same cursor.
//   Without a current view: as_of null, items [] and work (see views.work).
// example params (cypher-shell / Browser): :params {person_id: '107', ties: {months: 60, group: 50, max_size: 2000}, after_score: null, after_id: null, limit: 21}
MATCH (me:Person {id: $person_id})
OPTIONAL MATCH (v:NetworkView {person_id: $person_id, part: 'suggestions'})
WHERE v.computed_at IS NOT NULL AND v.keys IS NOT NULL
  AND v.version = coalesce(me.network_version, 0)
// Without a current view, what a live answer reads (see views.work): whether to compute one.
CALL (me, v) {
  WITH me WHERE v IS NULL
  MATCH (me)-[:CONNECTED_TO]-(f)
  RETURN sum(COUNT { (f)-[:CONNECTED_TO]-() }) AS work
}
// Left out whatever the view's age: blocks checked against this list, connections and
// requests by their unique pair keys (index seeks, where matching the two people would read
// a hub's relationships).
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
CALL (me) {
  OPTIONAL MATCH (:Profession {name: me.profession})-[:COMPLEMENTS]-(other:Profession)
  RETURN collect(DISTINCT other.name) AS complements
}
WITH me, v, work, blocked, complements, coalesce(v.ids, []) AS ids, v.keys AS scores,
     v.samples AS samples, v.sample_size AS stride,
     [s IN coalesce(me.skills, []) | toLower(s)] AS my_skills
// The entries are sorted (score desc, id); those above the floor (a prefix) are exact.
WITH me, v, work, blocked, complements, ids, scores, samples, stride, my_skills,
     size([i IN range(0, size(ids) - 1)
           WHERE scores[i] > v.floor_key
              OR (scores[i] = v.floor_key AND ids[i] < v.floor_id)]) AS exact
// Those at or before the cursor come first.
WITH me, v, work, blocked, complements, ids, scores, samples, stride, my_skills, exact,
     CASE WHEN $after_score IS NULL THEN 0
          ELSE size([i IN range(0, size(ids) - 1)
                     WHERE scores[i] > $after_score
                        OR (scores[i] = $after_score AND ids[i] <= $after_id)]) END AS start
RETURN v.computed_at AS as_of, v.floor_key < 0 AS complete, exact, work,
       COLLECT {
         UNWIND range(start, exact - 1) AS i
         MATCH (c:Person {id: ids[i]})
         WHERE NOT c IN blocked
           AND NOT EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < c.id THEN me.id + '|' + c.id
                                                           ELSE c.id + '|' + me.id END}]->() }
           AND NOT EXISTS { ()-[:REQUESTED {pair: me.id + '|' + c.id}]->() }
           AND NOT EXISTS { ()-[:REQUESTED {pair: c.id + '|' + me.id}]->() }
           AND NOT EXISTS { (me)-[:DISMISSED]->(c) }
         WITH me, v, complements, samples, stride, my_skills, c, i
         LIMIT $limit
         // Where the two worked or studied together, as network.suggestions v3 finds it.
         CALL (me, c) {
           MATCH (c)-[q:WORKED_AT]->(o:Organization)<-[p:WORKED_AT]-(me)
           WHERE p.start IS NOT NULL AND q.start IS NOT NULL
             AND COUNT { (o)<-[:WORKED_AT]-() } <= $ties.max_size
           WITH o, CASE WHEN p.start > q.start THEN p.start ELSE q.start END AS from,
                CASE WHEN p.end IS NULL THEN q.end WHEN q.end IS NULL OR p.end < q.end THEN p.end
                     ELSE q.end END AS to
           WHERE to IS NULL OR to >= from
           WITH o, min(from) AS from, CASE WHEN count(to) < count(*) THEN null ELSE max(to) END AS to
           WITH o {.id, .name, from: from, to: to} AS tie
           ORDER BY tie.to IS NULL DESC, tie.to DESC, tie.id
           RETURN collect(tie) AS worked_together
         }
         CALL (me, c) {
           MATCH (c)-[q:STUDIED_AT]->(o:Organization)<-[p:STUDIED_AT]-(me)
           WHERE p.start IS NOT NULL AND q.start IS NOT NULL
             AND COUNT { (o)<-[:STUDIED_AT]-() } <= $ties.max_size
           WITH o, CASE WHEN p.start > q.start THEN p.start ELSE q.start END AS from,
                CASE WHEN p.end IS NULL THEN q.end WHEN q.end IS NULL OR p.end < q.end THEN p.end
                     ELSE q.end END AS to
           WHERE to IS NULL OR to >= from
           WITH o, min(from) AS from, CASE WHEN count(to) < count(*) THEN null ELSE max(to) END AS to
           WITH o {.id, .name, from: from, to: to} AS tie
           ORDER BY tie.to IS NULL DESC, tie.to DESC, tie.id
           RETURN collect(tie) AS studied_together
         }
         RETURN c {
           .id, .name, .headline, .location, .industry, .profession,
           score: scores[i],
           mutual_count: v.mutual_counts[i],
           mutual_sample: COLLECT {
             UNWIND samples[i * stride .. (i + 1) * stride] AS mutual_id
             MATCH (m:Person {id: mutual_id})
             RETURN m {.id, .name} AS mutual
             ORDER BY mutual.id
           },
           same_location: coalesce(c.location = me.location, false),
           same_industry: coalesce(c.industry = me.industry, false),
           same_profession: coalesce(c.profession = me.profession, false),
           complementary_profession: coalesce(c.profession IN complements, false),
           shared_skills: [s IN coalesce(c.skills, []) WHERE toLower(s) IN my_skills],
           recommended_by: v.recommended_by[i],
           linkedin_contact: EXISTS { (me)-[:HAS_CONTACT]->(:Contact)-[:MATCHES]->(c) }
             OR EXISTS { (c)-[:HAS_CONTACT]->(:Contact)-[:MATCHES]->(me) },
           worked_together: worked_together,
           studied_together: studied_together
         } AS item
       } AS items
