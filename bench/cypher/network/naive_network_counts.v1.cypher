// name: network.naive_network_counts
// version: 1
// mode: read
// params: person_id (string)
// returns: the benchmark's baseline for network counts, as tutorials write it: one row per degree
//   (1, 2, 3) with people. Enumerates every path of up to 3 hops (explodes with hubs); ignores
//   blocks. Use network.network_counts.
// example params (cypher-shell / Browser): :params {person_id: '107'}
MATCH p = (me:Person {id: $person_id})-[:CONNECTED_TO*1..3]-(x:Person)
WHERE x <> me
WITH x, min(length(p)) AS degree
RETURN degree, count(*) AS people
ORDER BY degree
