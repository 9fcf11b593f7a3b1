// name: network.second_degree
// version: 2
// mode: read
// params: person_id (string), location (string), industry (string), profession (string), skill
//   (string), organization (string), title (string), after_count (int), after_id (string), limit
//   (int), sample_size (int)
// returns: one row per 2nd connection of person_id, best first (mutual_count desc, then id): id,
//   name, headline, location, industry, profession, mutual_count, mutual_sample (the first
//   sample_size mutuals by id, as {id, name}), pending (person_id has a pending or ignored
//   REQUESTED to them). Null filters match everyone; location, industry and profession are compared
//   exactly, skill lower-case (pass it lower-case); organization and title as in
//   careers.current_people v1: a current stint (no end) at that organization's id, whose title
//   contains title (pass it lower-case), the same stint when both are given. People blocked either
//   way with person_id neither appear nor count as mutuals. Pages start after (after_count,
//   after_id); nulls for the first page. Cost: one expansion of each 1st connection's connections
//   (no variable-length pattern), one hash aggregation by candidate (which also gathers the mutuals
//   when that is small, so that a sample never reads a supernode's connections), then a top-k.
// example params (cypher-shell / Browser): :params {person_id: '107', location: null, industry: null, profession: null, skill: null, organization: null, title: null, after_count: null, after_id: null, limit: 21, sample_size: 3}
MATCH (me:Person {id: $person_id})
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
// Small networks gather the mutuals while counting (a sample then costs nothing); a hub's
// would take too much memory, so its page's samples come from a hash join instead.
CALL (me, blocked) {
  MATCH (me)-[:CONNECTED_TO]-(f)
  WHERE NOT f IN blocked
  RETURN sum(COUNT { (f)-[:CONNECTED_TO]-() }) <= 50000 AS gather
}
// Each person two hops away once per mutual (hop 1), and each 1st connection once (hop 0):
// grouped by person, min(hop) = 1 keeps exactly the 2nd connections and count(*) is their
// mutual count. Cheaper than testing "not a 1st connection" row by row. Written twice, with
// and without gathering, so that a hub's count carries nothing it does not need.
CALL (me, blocked, gather) {
  CALL (me, blocked, gather) {
    WITH me, blocked WHERE gather
    MATCH (me)-[:CONNECTED_TO]-(f)
    WHERE NOT f IN blocked
    MATCH (f)-[:CONNECTED_TO]-(c)
    WHERE c <> me
    RETURN c, 1 AS hop, f AS mutual
    UNION ALL
    WITH me WHERE gather
    MATCH (me)-[:CONNECTED_TO]-(c)
    RETURN c, 0 AS hop, null AS mutual
  }
  WITH c, count(*) AS mutual_count, min(hop) AS nearest, collect(mutual) AS mutuals
  WHERE nearest = 1 AND NOT c IN blocked
  RETURN c, mutual_count, mutuals
  UNION ALL
  CALL (me, blocked, gather) {
    WITH me, blocked WHERE NOT gather
    MATCH (me)-[:CONNECTED_TO]-(f)
    WHERE NOT f IN blocked
    MATCH (f)-[:CONNECTED_TO]-(c)
    WHERE c <> me
    RETURN c, 1 AS hop
    UNION ALL
    WITH me WHERE NOT gather
    MATCH (me)-[:CONNECTED_TO]-(c)
    RETURN c, 0 AS hop
  }
  WITH c, count(*) AS mutual_count, min(hop) AS nearest
  WHERE nearest = 1 AND NOT c IN blocked
  RETURN c, mutual_count, [] AS mutuals
}
WITH me, blocked, gather, c, mutual_count, mutuals
WHERE ($location IS NULL OR c.location = $location)
  AND ($industry IS NULL OR c.industry = $industry)
  AND ($profession IS NULL OR c.profession = $profession)
  AND ($skill IS NULL OR any(s IN coalesce(c.skills, []) WHERE toLower(s) = $skill))
  AND (($organization IS NULL AND $title IS NULL) OR EXISTS {
    (c)-[w:WORKED_AT|STUDIED_AT]->(o:Organization)
    WHERE w.end IS NULL AND ($organization IS NULL OR o.id = $organization)
      AND ($title IS NULL OR toLower(coalesce(w.title, '')) CONTAINS $title)
  })
  AND ($after_count IS NULL OR mutual_count < $after_count
       OR (mutual_count = $after_count AND c.id > $after_id))
WITH me, blocked, gather, c, mutual_count, mutuals
ORDER BY mutual_count DESC, c.id
LIMIT $limit
RETURN c.id AS id, c.name AS name, c.headline AS headline, c.location AS location,
       c.industry AS industry, c.profession AS profession, mutual_count,
       COLLECT {
         CALL (me, blocked, gather, c, mutuals) {
           WITH mutuals WHERE gather
           UNWIND mutuals AS m
           RETURN m
           UNION
           WITH me, blocked, c WHERE NOT gather
           MATCH (c)-[:CONNECTED_TO]-(m)-[:CONNECTED_TO]-(me)
           USING JOIN ON m
           WHERE NOT m IN blocked
           RETURN m
         }
         RETURN m {.id, .name} AS mutual
         ORDER BY mutual.id
         LIMIT $sample_size
       } AS mutual_sample,
       EXISTS { (me)-[:REQUESTED]->(c) } AS pending
ORDER BY mutual_count DESC, id
