// name: network.path
// version: 2
// mode: read
// params: person_id (string), target_id (string), max_paths (int)
// returns: one row: degree (0 for oneself, 1, 2, 3, or null beyond 3 hops) and paths, up to
//   max_paths shortest paths from person_id to target_id, each a list of {id, name} from the person
//   to the target, ordered by the ids along the way. No path passes through anyone blocked either
//   way with person_id. A 3-hop path is not shown when its third person or the target hides
//   their connections (connections_visibility 'private'): its last step would tell the caller,
//   a stranger to both, one of their connections; the degree still says 3. No row when either
//   person does not exist. Cost: each hop is tried only when
//   the shorter ones found nothing; 3 hops meet in the middle (the target's connections are hashed
//   once), no variable-length pattern.
// example params (cypher-shell / Browser): :params {person_id: '107', target_id: '3980', max_paths: 3}
MATCH (me:Person {id: $person_id}), (target:Person {id: $target_id})
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
CALL (me, target) {
  RETURN CASE WHEN me = target THEN [[me]]
              WHEN EXISTS { (me)-[:CONNECTED_TO]-(target) } THEN [[me, target]]
              ELSE [] END AS short_paths
}
CALL (me, target, blocked, short_paths) {
  WITH me, target, blocked WHERE short_paths = []
  MATCH (me)-[:CONNECTED_TO]-(m)-[:CONNECTED_TO]-(target)
  WHERE NOT m IN blocked
  WITH me, target, m ORDER BY m.id LIMIT $max_paths
  RETURN collect([me, m, target]) AS two_hop_paths
}
CALL (me, target, blocked, short_paths, two_hop_paths) {
  WITH me, target, blocked WHERE short_paths = [] AND two_hop_paths = []
  // Walk two hops from the side whose connections have fewer connections, and hash-join
  // with the other side's connections.
  CALL (me) {
    MATCH (me)-[:CONNECTED_TO]-(a)
    RETURN sum(COUNT { (a)-[:CONNECTED_TO]-() }) AS reach_from_me
  }
  CALL (target) {
    MATCH (target)-[:CONNECTED_TO]-(b)
    RETURN sum(COUNT { (b)-[:CONNECTED_TO]-() }) AS reach_from_target
  }
  CALL (me, target, blocked, reach_from_me, reach_from_target) {
    WITH me, target, blocked WHERE reach_from_me <= reach_from_target
    MATCH (me)-[:CONNECTED_TO]-(a)-[:CONNECTED_TO]-(b)
    WHERE NOT a IN blocked
    MATCH (b)-[:CONNECTED_TO]-(target)
    USING JOIN ON b
    WHERE NOT b IN blocked
    RETURN a, b
    UNION
    WITH me, target, blocked WHERE reach_from_me > reach_from_target
    MATCH (target)-[:CONNECTED_TO]-(b)-[:CONNECTED_TO]-(a)
    WHERE NOT b IN blocked
    MATCH (a)-[:CONNECTED_TO]-(me)
    USING JOIN ON a
    WHERE NOT a IN blocked
    RETURN a, b
  }
  WITH me, target, a, b,
       coalesce(b.connections_visibility = 'private', false)
         OR coalesce(target.connections_visibility = 'private', false) AS hidden
  ORDER BY hidden, a.id, b.id
  LIMIT $max_paths
  RETURN count(*) > 0 AS three_hops,
         collect(CASE WHEN NOT hidden THEN [me, a, b, target] END) AS three_hop_paths
}
WITH short_paths, two_hop_paths, three_hops, short_paths + two_hop_paths + three_hop_paths AS paths
RETURN CASE WHEN short_paths <> [] THEN size(short_paths[0]) - 1
            WHEN two_hop_paths <> [] THEN 2
            WHEN three_hops THEN 3 END AS degree,
       [path IN paths | [person IN path | person {.id, .name}]] AS paths
