// name: imports.contacts
// version: 1
// mode: read
// params: person_id (string), after_name (string), after_id (string), limit (int)
// returns: person_id's contacts (the rows of their imported LinkedIn exports) in name order (any
//   case, then id) after the cursor (after_name, after_id; '' for the first page): contact {id,
//   name, name_lower, first_name, last_name, url, email, company, position, connected_on,
//   imported_at, member}; member is {id, name} of the member the row names, null when it names
//   none or a block stands between the two now.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana', after_name: '', after_id: '', limit: 21}
MATCH (me:Person {id: $person_id})-[:HAS_CONTACT]->(c:Contact)
WHERE [toLower(c.name), c.id] > [$after_name, $after_id]
WITH me, c
ORDER BY toLower(c.name), c.id
LIMIT $limit
OPTIONAL MATCH (c)-[:MATCHES]->(member:Person)
WHERE NOT EXISTS { (member)-[:BLOCKED]-(me) }
RETURN c {.id, .name, name_lower: toLower(c.name), .first_name, .last_name, .url, .email,
          .company, .position, .connected_on, .imported_at,
          member: CASE WHEN member IS NULL THEN null ELSE member {.id, .name} END} AS contact
ORDER BY contact.name_lower, contact.id
