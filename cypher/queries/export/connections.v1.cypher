// name: export.connections
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the caller's 1st connections, by their id: person_id, name, since, and
//   closeness_given (the caller's own rating of them; ratings of the caller are the raters')
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (me:Person {id: $person_id})-[c:CONNECTED_TO]-(other:Person)
WHERE other.id > $after
OPTIONAL MATCH (me)-[r:CLOSENESS]->(other)
RETURN other.id AS key,
       {person_id: other.id, name: other.name, since: c.since, closeness_given: r.level,
        closeness_given_at: r.updated_at} AS item
ORDER BY key
LIMIT $limit
