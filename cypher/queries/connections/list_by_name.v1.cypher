// name: connections.list_by_name
// version: 1
// mode: read
// params: viewer_id (string), owner_id (string), shared_only (boolean), after_name (string),
//   after_id (string), limit (int)
// returns: like connections.list_recent, in name order after the cursor (after_name, after_id; ''
//   for the first page)
// example params (cypher-shell / Browser): :params {viewer_id: '1', owner_id: '1', shared_only: false, after_name: '', after_id: '', limit: 21}
MATCH (viewer:Person {id: $viewer_id}), (owner:Person {id: $owner_id})
MATCH (owner)-[c:CONNECTED_TO]-(other:Person)
WHERE [other.name_lower, other.id] > [$after_name, $after_id]
  AND (NOT $shared_only OR EXISTS { (other)-[:CONNECTED_TO]-(viewer) })
  AND NOT EXISTS { (other)-[:BLOCKED]-(viewer) }
RETURN other {.id, .name, .name_lower, .headline, .location, .industry, .profession} AS person,
       c.since AS since,
       head([(viewer)-[k:CLOSENESS]->(other) | k.level]) AS closeness
ORDER BY person.name_lower, person.id
LIMIT $limit
