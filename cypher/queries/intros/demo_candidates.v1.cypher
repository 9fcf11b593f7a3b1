// name: intros.demo_candidates
// version: 1
// mode: read
// params: person_ids (list of string), limit (int)
// returns: up to limit rows (requester_id, broker_id, target_id and their names) among the given
//   people where the broker is connected to both, the two are not connected, nobody blocked anybody
//   and the target accepts introductions; ordered by ids
// example params (cypher-shell / Browser): :params {person_ids: ['1', '2', '3'], limit: 50}
MATCH (r:Person)-[:CONNECTED_TO]-(b:Person)-[:CONNECTED_TO]-(t:Person)
WHERE r.id IN $person_ids AND b.id IN $person_ids AND t.id IN $person_ids
  AND r <> t
  AND NOT EXISTS { (r)-[:CONNECTED_TO]-(t) }
  AND NOT EXISTS { (r)-[:BLOCKED]-(t) }
  AND NOT EXISTS { (b)-[:BLOCKED]-(r) }
  AND NOT EXISTS { (b)-[:BLOCKED]-(t) }
  AND NOT coalesce(t.intro_opt_out, false)
  AND NOT coalesce(r.intro_opt_out, false)
RETURN r.id AS requester_id, b.id AS broker_id, t.id AS target_id,
       r.name AS requester_name, b.name AS broker_name, t.name AS target_name
ORDER BY requester_id, target_id, broker_id
LIMIT $limit
