// name: organizations.network_counts
// version: 2
// mode: read
// params: person_id (string), organization_id (string)
// returns: one row per (degree, current) that has anyone: degree (1, 2, 3 from person_id), current
//   (true: a stint there with no end; false: they were there before) and people (how many). As in
//   organizations.people: neither person_id nor anyone blocked either way with person_id counts
//   or lies on a path.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada', organization_id: 'demo-org-northwind'}
//
// What it costs: the people there are tested from the cheaper side. Either person_id's 2 hops
// are collected once (the 2nd connections) and each person there is looked up in them, or each
// person there is tested on their own connections, stopping at the first that is one of
// person_id's connections (2nd degree) or one of theirs (3rd degree). The second stops early
// when person_id reaches much of the network, so it is weighed at a quarter of what expanding
// everyone there would read (the average person's degree from the count store). On the
// generated 100k network at its largest organization: a hub's 2 hops are 469k relationships
// against 262k db hits from the organization's side; a median person's 13.5k against 5.6M.
MATCH (me:Person {id: $person_id}), (o:Organization {id: $organization_id})
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
CALL (me, blocked) {
  OPTIONAL MATCH (me)-[:CONNECTED_TO]-(f:Person)
  WHERE NOT f IN blocked
  RETURN collect(f) AS firsts, sum(COUNT { (f)-[:CONNECTED_TO]-() }) AS reach
}
// Each person there once (grouped by the person alone, not by the lists above), and those
// there now.
CALL (me, o, blocked) {
  MATCH (o)<-[w:WORKED_AT|STUDIED_AT]-(c)
  WHERE c <> me AND NOT c IN blocked
  WITH c, any(x IN collect(w) WHERE x.end IS NULL) AS current
  RETURN collect(c) AS there, collect(CASE WHEN current THEN c END) AS now
}
CALL () {
  MATCH ()-[r:CONNECTED_TO]->()
  RETURN count(r) AS connections
}
CALL () {
  MATCH (p:Person)
  RETURN count(p) AS people
}
WITH me, blocked, firsts, reach, there, now,
     4 * reach <= size(there) * 2.0 * connections / CASE WHEN people = 0 THEN 1 ELSE people END
       AS from_me
WITH me, blocked, firsts, there, now, from_me, [c IN there WHERE c IN firsts] AS d1
CALL (me, blocked, firsts, from_me) {
  WITH me, blocked, firsts WHERE from_me
  UNWIND firsts AS f
  MATCH (f)-[:CONNECTED_TO]-(s)
  WHERE s <> me AND NOT s IN blocked AND NOT s IN firsts
  RETURN collect(DISTINCT s) AS seconds
}
WITH me, blocked, firsts, there, now, from_me, d1, seconds,
     [c IN there WHERE NOT c IN firsts] AS rest
WITH me, blocked, firsts, there, now, from_me, d1, seconds,
     CASE WHEN from_me THEN [c IN rest WHERE c IN seconds]
          ELSE [c IN rest WHERE EXISTS { (c)-[:CONNECTED_TO]-(b) WHERE b IN firsts }] END AS d2
WITH me, blocked, firsts, there, now, from_me, d1, seconds, d2,
     [c IN there WHERE NOT c IN firsts AND NOT c IN d2] AS rest
WITH now, d1, d2,
     CASE WHEN from_me THEN [c IN rest WHERE EXISTS { (c)-[:CONNECTED_TO]-(x) WHERE x IN seconds }]
          ELSE [c IN rest WHERE EXISTS {
                  (c)-[:CONNECTED_TO]-(x)-[:CONNECTED_TO]-(f)
                  WHERE f IN firsts AND x <> me AND NOT x IN blocked
                }] END AS d3
UNWIND [[1, d1], [2, d2], [3, d3]] AS level
WITH level[0] AS degree, level[1] AS found, now
UNWIND [true, false] AS current
WITH degree, current, size([c IN found WHERE (c IN now) = current]) AS people
WHERE people > 0
RETURN degree, current, people
ORDER BY degree, current DESC
