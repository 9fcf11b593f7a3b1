// name: network.naive_path
// version: 1
// mode: read
// params: person_id (string), target_id (string), max_paths (int)
// returns: the benchmark's baseline for "how you're connected", as tutorials write it: one row per
//   shortest path (up to 3 hops, at most max_paths, ordered by the ids along the way): degree, path
//   (ids). Ignores blocks. Use network.path.
// example params (cypher-shell / Browser): :params {person_id: '107', target_id: '3980', max_paths: 3}
MATCH (me:Person {id: $person_id}), (target:Person {id: $target_id})
MATCH p = allShortestPaths((me)-[:CONNECTED_TO*..3]-(target))
WITH p, [n IN nodes(p) | n.id] AS path
ORDER BY path
LIMIT $max_paths
RETURN length(p) AS degree, path
