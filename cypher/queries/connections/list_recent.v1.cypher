// name: connections.list_recent
// version: 1
// mode: read
// params: viewer_id (string), owner_id (string), shared_only (boolean), after_instant (int),
//   after_id (string), limit (int)
// returns: one row per 1st connection of owner_id, most recent first, after the cursor
//   (after_instant, after_id; nulls for the first page), leaving out anyone blocked either way with
//   the viewer; with shared_only, only connections the viewer shares with the owner. Columns:
//   person (summary + name_lower), since, instant (since in ns, for the cursor), closeness (the
//   viewer's own rating, or null)
// example params (cypher-shell / Browser): :params {viewer_id: '1', owner_id: '1', shared_only: false, after_instant: null, after_id: null, limit: 21}
MATCH (viewer:Person {id: $viewer_id}), (owner:Person {id: $owner_id})
MATCH (owner)-[c:CONNECTED_TO]-(other:Person)
WITH viewer, other, c,
     coalesce(c.since.epochSeconds * 1000000000 + c.since.nanosecond, 0) AS instant
WHERE ($after_instant IS NULL OR instant < $after_instant
       OR (instant = $after_instant AND other.id > $after_id))
  AND (NOT $shared_only OR EXISTS { (other)-[:CONNECTED_TO]-(viewer) })
  AND NOT EXISTS { (other)-[:BLOCKED]-(viewer) }
RETURN other {.id, .name, .name_lower, .headline, .location, .industry, .profession} AS person,
       c.since AS since, instant,
       head([(viewer)-[k:CLOSENESS]->(other) | k.level]) AS closeness
ORDER BY instant DESC, person.id
LIMIT $limit
