// name: network.naive_second_degree
// version: 1
// mode: read
// params: person_id (string), limit (int)
// returns: the benchmark's baseline, the friends-of-friends query tutorials publish: id,
//   mutual_count, best first. Enumerates every 2-hop path and tests "not a 1st connection" path by
//   path; ignores blocks. Use network.second_degree instead.
// example params (cypher-shell / Browser): :params {person_id: '107', limit: 20}
MATCH (me:Person {id: $person_id})-[:CONNECTED_TO*2]-(fof:Person)
WHERE fof <> me AND NOT (me)-[:CONNECTED_TO]-(fof)
RETURN fof.id AS id, count(*) AS mutual_count
ORDER BY mutual_count DESC, id
LIMIT $limit
