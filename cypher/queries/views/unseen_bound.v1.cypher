// name: views.unseen_bound
// version: 1
// mode: read
// params: person_id (string), other_id (string), weights (map)
// returns: one row when both people exist: degree (other_id's connections, person_id's new
//   connection among them), points (the most that profile terms and recommendations by
//   person_id's connections give any of other_id's connections or of the people other_id
//   recommended: what a new suggestion reached through other_id scores besides other_id's
//   Adamic-Adar weight; 0 when there are none) and recommended (the most accepted
//   recommendations other_id wrote for any one person). An own delta that does not recompute the
//   suggestions reached through a new connection (past its budget) bounds them with these instead
//   (deltas.py): someone who was a suggestion gains at most the weight and the recommended
//   points, someone who was not scores at most the weight and these points (no mutual, tie or
//   LinkedIn contact before). Cost: other_id's connections and recommendations, their profile
//   and received recommendations, no 2-hop expansion.
// example params (cypher-shell / Browser): :params {person_id: '107', other_id: '2', weights: {mutual: 1000, location: 150, industry: 100, profession: 150, complementary: 200, skill: 50, recommended: 500, linkedin: 100000000, colleague: 2000, classmate: 1000}}
MATCH (me:Person {id: $person_id}), (other:Person {id: $other_id})
CALL (me) {
  OPTIONAL MATCH (:Profession {name: me.profession})-[:COMPLEMENTS]-(p:Profession)
  RETURN collect(DISTINCT p.name) AS complements
}
WITH me, other, complements, [s IN coalesce(me.skills, []) | toLower(s)] AS my_skills
CALL (me, other, complements, my_skills) {
  CALL (me, other) {
    MATCH (other)-[:CONNECTED_TO]-(c)
    WHERE c <> me
    RETURN c
    UNION
    MATCH (other)-[:WROTE]->(:Recommendation {state: 'accepted'})-[:FOR]->(c)
    WHERE c <> me
    RETURN c
  }
  WITH me, other, c,
       CASE WHEN coalesce(c.location = me.location, false) THEN $weights.location ELSE 0 END
       + CASE WHEN coalesce(c.industry = me.industry, false) THEN $weights.industry ELSE 0 END
       + CASE WHEN coalesce(c.profession = me.profession, false) THEN $weights.profession
              ELSE 0 END
       + CASE WHEN coalesce(c.profession IN complements, false) THEN $weights.complementary
              ELSE 0 END
       + size([s IN coalesce(c.skills, []) WHERE toLower(s) IN my_skills]) * $weights.skill
       + $weights.recommended
         * COUNT { MATCH (c)<-[:FOR]-(:Recommendation {state: 'accepted'})<-[:WROTE]-(f)
                   WHERE EXISTS { (f)-[:CONNECTED_TO]-(me) } } AS points,
       COUNT { (other)-[:WROTE]->(:Recommendation {state: 'accepted'})-[:FOR]->(c) } AS recommended
  RETURN coalesce(max(points), 0) AS points, coalesce(max(recommended), 0) AS recommended
}
RETURN COUNT { (other)-[:CONNECTED_TO]-() } AS degree, points, recommended
