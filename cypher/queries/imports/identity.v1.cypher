// name: imports.identity
// version: 1
// mode: read
// params: person_id (string)
// returns: at most one row (none: no such person): linkedin_url (null when unset) and emails
//   (the addresses, sorted). What matches person_id to other people's LinkedIn exports; shown
//   to person_id only.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana'}
MATCH (p:Person {id: $person_id})
RETURN p.linkedin_url AS linkedin_url,
       COLLECT { MATCH (p)-[:HAS_EMAIL]->(e:Email) RETURN e.address ORDER BY e.address } AS emails
