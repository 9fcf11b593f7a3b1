// name: imports.delete_contact
// version: 1
// mode: write
// params: person_id (string), id (string)
// returns: at most one row (none: person_id has no contact with this id): member_id, the member
//   the contact named (null: none). Deletes the contact and its match: the two no longer count
//   as listing each other, and a suggestion that rested on it goes.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana', id: 'c1'}
MATCH (:Person {id: $person_id})-[:HAS_CONTACT]->(c:Contact {id: $id})
OPTIONAL MATCH (c)-[:MATCHES]->(member:Person)
WITH c, member.id AS member_id
DETACH DELETE c
RETURN member_id
