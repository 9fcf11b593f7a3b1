// name: network.second_degree
// version: 1
// mode: read
// params: person_id (string), location (string), industry (string), profession (string), skill (string), after_count (int), after_id (string), limit (int), sample_size (int)
// returns: one row per 2nd connection of person_id, best first (mutual_count desc, then id):
//   id, name, headline, location, industry, profession, mutual_count, mutual_sample (the first
//   sample_size mutuals by id, as {id, name}), pending (person_id has a pending or ignored
//   REQUESTED to them). Null filters match everyone; location, industry and profession are
//   compared exactly, skill lower-case (pass it lower-case). People blocked either way with
//   person_id neither appear nor count as mutuals. Pages start after (after_count, after_id);
//   nulls for the first page.
//   Cost: one expansion of each 1st connection's connections (no variable-length pattern),
//   one hash aggregation by candidate, then a top-k; samples only for the rows returned.
// example params (cypher-shell / Browser): :param person_id => '107'; :param location => null; :param industry => null; :param profession => null; :param skill => null; :param after_count => null; :param after_id => null; :param limit => 21; :param sample_size => 3;
MATCH (me:Person {id: $person_id})
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
CALL (me, blocked) {
  // Each person two hops away once per mutual (hop 1), and each 1st connection once (hop 0):
  // grouped by person, min(hop) = 1 keeps exactly the 2nd connections and count(*) is their
  // mutual count. Cheaper than testing "not a 1st connection" row by row.
  CALL (me, blocked) {
    MATCH (me)-[:CONNECTED_TO]-(f)
    WHERE NOT f IN blocked
    MATCH (f)-[:CONNECTED_TO]-(c)
    WHERE c <> me
    RETURN c, 1 AS hop
    UNION ALL
    MATCH (me)-[:CONNECTED_TO]-(c)
    RETURN c, 0 AS hop
  }
  WITH c, count(*) AS mutual_count, min(hop) AS nearest
  WHERE nearest = 1 AND NOT c IN blocked
  RETURN c, mutual_count
}
WITH me, blocked, c, mutual_count
WHERE ($location IS NULL OR c.location = $location)
  AND ($industry IS NULL OR c.industry = $industry)
  AND ($profession IS NULL OR c.profession = $profession)
  AND ($skill IS NULL OR any(s IN coalesce(c.skills, []) WHERE toLower(s) = $skill))
  AND ($after_count IS NULL OR mutual_count < $after_count
       OR (mutual_count = $after_count AND c.id > $after_id))
WITH me, blocked, c, mutual_count
ORDER BY mutual_count DESC, c.id
LIMIT $limit
RETURN c.id AS id, c.name AS name, c.headline AS headline, c.location AS location,
       c.industry AS industry, c.profession AS profession, mutual_count,
       COLLECT {
         // A hash join on m: the mutuals of two hubs, without an Expand(Into) per neighbour.
         MATCH (c)-[:CONNECTED_TO]-(m)-[:CONNECTED_TO]-(me)
         USING JOIN ON m
         WHERE NOT m IN blocked
         RETURN m {.id, .name} AS mutual
         ORDER BY mutual.id
         LIMIT $sample_size
       } AS mutual_sample,
       EXISTS { (me)-[:REQUESTED]->(c) } AS pending
ORDER BY mutual_count DESC, id
