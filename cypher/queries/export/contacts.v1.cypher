// name: export.contacts
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the caller's contacts from LinkedIn imports (backend/imports): every property but
//   the keys the service matches by, and member_id (the member it names, or null)
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (:Person {id: $person_id})-[:HAS_CONTACT]->(c:Contact)
WHERE c.id > $after
OPTIONAL MATCH (c)-[:MATCHES]->(member:Person)
RETURN c.id AS key,
       c {.id, .first_name, .last_name, .name, .url, .email, .company, .position, .connected_on,
          .imported_at, member_id: member.id} AS item
ORDER BY key
LIMIT $limit
