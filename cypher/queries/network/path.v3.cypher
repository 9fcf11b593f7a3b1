// name: network.path
// version: 3
// mode: read
// params: token_hash (string), now (datetime), ttl_days (int), target_id (string), max_paths
//   (int)
// returns: the path of the API in one statement (one round trip): the caller of the token,
//   whether target_id is there for them, and how they are connected. No row when no token has
//   this hash; else one row: caller_id, expired, stale (as auth.person_for_token v3), visible
//   (target_id exists and no block stands between the two; false when the token expired), and
//   when visible, degree and paths as network.path v2 gives them from the caller (null
//   otherwise)
// example params (cypher-shell / Browser): :params {token_hash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', now: datetime(), ttl_days: 90, target_id: '3980', max_paths: 3}
MATCH (t:Token {hash: $token_hash})-[:AUTHENTICATES]->(me:Person)
WITH me, coalesce(t.last_used_at, t.created_at) AS used
WITH me, used + duration({days: $ttl_days}) <= $now AS expired,
     used + duration({days: 1}) <= $now AS stale
OPTIONAL MATCH (target:Person {id: $target_id})
WHERE NOT expired AND NOT EXISTS { (me)-[:BLOCKED]-(target) }
OPTIONAL CALL (me, target) {
  WITH me, target WHERE target IS NOT NULL
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
}
RETURN me.id AS caller_id, expired, stale, target IS NOT NULL AS visible, degree,
       paths
