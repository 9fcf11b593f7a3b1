// name: network.relations
// version: 1
// mode: read
// params: person_id (string), ids (list of string)
// returns: one row per id in ids that exists: id, degree (0 for person_id itself, 1, 2, 3, or null:
//   further away, or blocked either way with person_id) and mutual_count (connections shared with
//   person_id). Neither counts nor paths use anyone blocked with person_id. For profiles and pages
//   of search results: cost grows with the listed people's own neighbourhoods, not with person_id's
//   network (a 3-hop check meets in the middle).
// example params (cypher-shell / Browser): :params {person_id: '107', ids: ['1912', '3980', '0']}
MATCH (me:Person {id: $person_id})
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
UNWIND $ids AS id
MATCH (p:Person {id: id})
WITH DISTINCT me, blocked, p
WITH me, blocked, p,
     CASE WHEN p = me OR p IN blocked THEN 0
          ELSE COUNT { (me)-[:CONNECTED_TO]-(m)-[:CONNECTED_TO]-(p) WHERE NOT m IN blocked }
     END AS mutual_count
RETURN p.id AS id,
       CASE
         WHEN p = me THEN 0
         WHEN p IN blocked THEN null
         WHEN EXISTS { (me)-[:CONNECTED_TO]-(p) } THEN 1
         WHEN mutual_count > 0 THEN 2
         WHEN EXISTS {
           MATCH (p)-[:CONNECTED_TO]-(b)-[:CONNECTED_TO]-(a)-[:CONNECTED_TO]-(me)
           WHERE NOT a IN blocked AND NOT b IN blocked
         } THEN 3
       END AS degree,
       mutual_count
