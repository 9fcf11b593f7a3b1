// name: organizations.network_counts
// version: 1
// mode: read
// params: person_id (string), organization_id (string)
// returns: one row per (degree, current) that has anyone: degree (1, 2, 3 from person_id), current
//   (true: a stint there with no end; false: they were there before) and people (how many). As in
//   organizations.people: neither person_id nor anyone blocked either way with person_id counts
//   or lies on a path.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', organization_id: 'demo-org-northwind'}
MATCH (me:Person {id: $person_id}), (o:Organization {id: $organization_id})
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
CALL (me, blocked) {
  OPTIONAL MATCH (me)-[:CONNECTED_TO]-(f:Person)
  WHERE NOT f IN blocked
  RETURN collect(f) AS firsts
}
CALL (me, blocked, firsts) {
  UNWIND firsts AS f
  MATCH (f)-[:CONNECTED_TO]-(s:Person)
  WHERE s <> me AND NOT s IN blocked AND NOT s IN firsts
  RETURN collect(DISTINCT s) AS seconds
}
// Each person there once (grouped by the person alone, not by the lists above).
CALL (o) {
  MATCH (o)<-[w:WORKED_AT|STUDIED_AT]-(c:Person)
  RETURN c, max(CASE WHEN w.end IS NULL THEN 1 ELSE 0 END) = 1 AS current
}
WITH firsts, seconds, c, current
WHERE c <> me AND NOT c IN blocked
WITH c, current,
     CASE
       WHEN c IN firsts THEN 1
       WHEN c IN seconds THEN 2
       WHEN EXISTS { (c)-[:CONNECTED_TO]-(x) WHERE x IN seconds } THEN 3
     END AS degree
WHERE degree IS NOT NULL
RETURN degree, current, count(c) AS people
ORDER BY degree, current DESC
