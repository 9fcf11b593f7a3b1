// name: views.second_degree_page
// version: 3
// mode: read
// params: person_id (string), location (string), industry (string), profession (string), skill
//   (string), organization (string), title (string), after_count (int), after_id (string), limit
//   (int)
// returns: one row when person_id exists. With a current view of them (computed, and not older than
//   their own latest change): as_of (when it was computed), complete (it holds every 2nd
//   connection, not only the best ones), exact (how many entries rank above its floor: every 2nd
//   connection ranked above it is among them, with its mutual count kept exact by deltas) and
//   items, the next page of network.second_degree read from those entries: up to limit maps {id,
//   name, headline, location, industry, profession, mutual_count, mutual_sample ([{id, name}] by
//   id), pending}, best first, after the cursor (after_count, after_id; nulls for the first page),
//   filtered as network.second_degree v2 is (organization and title too). Cost: proportional to the
//   entries read to fill the page (an index seek each), not to the neighbourhood. Fewer than limit
//   items from a view that is not complete means the exact entries ran out: ask
//   network.second_degree with the same cursor. Without a current view: as_of null, items [] and
//   work (see views.work).
// example params (cypher-shell / Browser): :params {person_id: '107', location: null, industry: null, profession: null, skill: null, organization: null, title: null, after_count: null, after_id: null, limit: 21}
MATCH (me:Person {id: $person_id})
OPTIONAL MATCH (v:NetworkView {person_id: $person_id, part: 'second'})
WHERE v.computed_at IS NOT NULL AND v.keys IS NOT NULL
  AND v.version = coalesce(me.network_version, 0)
// Without a current view, what a live answer reads (see views.work): whether to compute one.
CALL (me, v) {
  WITH me WHERE v IS NULL
  MATCH (me)-[:CONNECTED_TO]-(f)
  RETURN sum(COUNT { (f)-[:CONNECTED_TO]-() }) AS work
}
// Never a 1st connection or someone blocked, whatever the view's age: a block is checked
// against this list, a connection by its unique pair key (an index seek, where matching the
// two people would read a hub's relationships).
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
WITH me, v, work, blocked, coalesce(v.ids, []) AS ids, v.keys AS counts, v.samples AS samples,
     v.sample_size AS stride
// The entries are sorted (mutual_count desc, id); those above the floor (a prefix) are exact.
WITH me, v, work, blocked, ids, counts, samples, stride,
     size([i IN range(0, size(ids) - 1)
           WHERE counts[i] > v.floor_key
              OR (counts[i] = v.floor_key AND ids[i] < v.floor_id)]) AS exact
// Those at or before the cursor come first.
WITH me, v, work, blocked, ids, counts, samples, stride, exact,
     CASE WHEN $after_count IS NULL THEN 0
          ELSE size([i IN range(0, size(ids) - 1)
                     WHERE counts[i] > $after_count
                        OR (counts[i] = $after_count AND ids[i] <= $after_id)]) END AS start
RETURN v.computed_at AS as_of, v.floor_key < 0 AS complete, exact, work,
       COLLECT {
         UNWIND range(start, exact - 1) AS i
         MATCH (c:Person {id: ids[i]})
         WHERE ($location IS NULL OR c.location = $location)
           AND ($industry IS NULL OR c.industry = $industry)
           AND ($profession IS NULL OR c.profession = $profession)
           AND ($skill IS NULL OR any(s IN coalesce(c.skills, []) WHERE toLower(s) = $skill))
           AND (($organization IS NULL AND $title IS NULL) OR EXISTS {
             (c)-[w:WORKED_AT|STUDIED_AT]->(o:Organization)
             WHERE w.end IS NULL AND ($organization IS NULL OR o.id = $organization)
               AND ($title IS NULL OR toLower(coalesce(w.title, '')) CONTAINS $title)
           })
           AND NOT c IN blocked
           AND NOT EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < c.id THEN me.id + '|' + c.id
                                                           ELSE c.id + '|' + me.id END}]->() }
         WITH me, c, i
         LIMIT $limit
         RETURN c {
           .id, .name, .headline, .location, .industry, .profession,
           mutual_count: counts[i],
           mutual_sample: COLLECT {
             UNWIND samples[i * stride .. (i + 1) * stride] AS mutual_id
             MATCH (m:Person {id: mutual_id})
             RETURN m {.id, .name} AS mutual
             ORDER BY mutual.id
           },
           pending: EXISTS { ()-[:REQUESTED {pair: me.id + '|' + c.id}]->() }
         } AS item
       } AS items
