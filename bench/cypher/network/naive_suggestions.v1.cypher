// name: network.naive_suggestions
// version: 1
// mode: read
// params: person_id (string), weights (map), pool_size (int), limit (int)
// returns: the benchmark's baseline for suggestions: the same candidates and score as
//   network.suggestions v1 (id, score), written as tutorials do: friends of friends through
//   CONNECTED_TO*2, each path tested against the exclusions one by one. Ignores blocks. Use
//   network.suggestions.
// example params (cypher-shell / Browser): :params {person_id: '107', weights: {mutual: 1000, location: 150, industry: 100, profession: 150, complementary: 200, skill: 50}, pool_size: 200, limit: 20}
MATCH (me:Person {id: $person_id})
OPTIONAL MATCH (:Profession {name: me.profession})-[:COMPLEMENTS]-(other:Profession)
WITH me, collect(DISTINCT other.name) AS complements
CALL (me, complements) {
  MATCH p = (me)-[:CONNECTED_TO*2]-(c:Person)
  WHERE c <> me
  WITH c, nodes(p)[1] AS mutual
  RETURN c, toInteger(round($weights.mutual / log(COUNT { (mutual)-[:CONNECTED_TO]-() }))) AS weight,
         1 AS counted
  UNION ALL
  MATCH (c:Person)
  WHERE c.location = me.location AND c.profession IN [me.profession] + complements AND c <> me
  WITH c ORDER BY c.id LIMIT $pool_size
  RETURN c, 0 AS weight, 0 AS counted
}
WITH me, complements, c, weight, counted
WHERE NOT (me)-[:CONNECTED_TO]-(c) AND NOT (me)-[:REQUESTED]-(c) AND NOT (me)-[:DISMISSED]->(c)
WITH me, complements, c, sum(weight) AS mutual_score
WITH c, mutual_score
       + CASE WHEN c.location = me.location THEN $weights.location ELSE 0 END
       + CASE WHEN c.industry = me.industry THEN $weights.industry ELSE 0 END
       + CASE WHEN c.profession = me.profession THEN $weights.profession ELSE 0 END
       + CASE WHEN c.profession IN complements THEN $weights.complementary ELSE 0 END
       + $weights.skill * size([s IN coalesce(c.skills, [])
                                WHERE toLower(s) IN [t IN coalesce(me.skills, []) | toLower(t)]]) AS score
RETURN c.id AS id, score
ORDER BY score DESC, id
LIMIT $limit
