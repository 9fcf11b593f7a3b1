// name: network.mutual
// version: 1
// mode: read
// params: person_id (string), other_id (string), after_name (string), after_id (string), limit
//   (int)
// returns: the connections person_id and other_id share, in name order (name_lower, then id) after
//   the cursor (after_name, after_id; '' for the first page): id, name, name_lower, headline,
//   location, industry, profession. Whatever other_id's connections_visibility: these are
//   person_id's own connections too. Never anyone blocked either way with person_id.
// example params (cypher-shell / Browser): :params {person_id: '107', other_id: '1912', after_name: '', after_id: '', limit: 21}
MATCH (me:Person {id: $person_id}), (other:Person {id: $other_id})
CALL (me) {
  OPTIONAL MATCH (me)-[:BLOCKED]-(b:Person)
  RETURN collect(b) AS blocked
}
// A hash join on the mutual: each side's connections read once, whatever their degrees.
MATCH (me)-[:CONNECTED_TO]-(m)-[:CONNECTED_TO]-(other)
USING JOIN ON m
WITH m, blocked
WHERE NOT m IN blocked AND [m.name_lower, m.id] > [$after_name, $after_id]
RETURN m.id AS id, m.name AS name, m.name_lower AS name_lower, m.headline AS headline,
       m.location AS location, m.industry AS industry, m.profession AS profession
ORDER BY name_lower, id
LIMIT $limit
