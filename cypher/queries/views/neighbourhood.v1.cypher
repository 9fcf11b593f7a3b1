// name: views.neighbourhood
// version: 1
// mode: read
// params: person_id (string), other_id (string)
// returns: one row when person_id exists: degree (person_id's connections), connections (other_id's
//   connections but person_id, as {id, degree}) and recommended (the ids other_id wrote an accepted
//   recommendation for): the candidates whose rank in person_id's view a change between the two
//   moves. Cost: other_id's connections and recommendations, one degree read each.
// example params (cypher-shell / Browser): :params {person_id: '107', other_id: '2'}
MATCH (me:Person {id: $person_id})
OPTIONAL MATCH (other:Person {id: $other_id})
RETURN COUNT { (me)-[:CONNECTED_TO]-() } AS degree,
       COLLECT { MATCH (other)-[:CONNECTED_TO]-(c) WHERE c <> me
                 RETURN {id: c.id, degree: COUNT { (c)-[:CONNECTED_TO]-() }} AS entry } AS connections,
       COLLECT { MATCH (other)-[:WROTE]->(:Recommendation {state: 'accepted'})-[:FOR]->(c)
                 WHERE c <> me RETURN DISTINCT c.id AS id } AS recommended
