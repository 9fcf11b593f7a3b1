// name: imports.known_contacts
// version: 1
// mode: read
// params: person_id (string), keys (list of string)
// returns: one row per key that is already one of person_id's contacts: key, company, position,
//   member_id (the member it names; null when none or a block stands between the two now) and
//   connected (the two are connected). What an import already has (backend/imports/service.py).
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana', keys: ['demo-ana|url:in/ben']}
MATCH (me:Person {id: $person_id})
UNWIND $keys AS key
MATCH (c:Contact {key: key})
OPTIONAL MATCH (c)-[:MATCHES]->(member:Person)
WHERE NOT EXISTS { (me)-[:BLOCKED]-(member) }
RETURN key, c.company AS company, c.position AS position, member.id AS member_id,
       member IS NOT NULL
       AND EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < member.id THEN me.id + '|' + member.id
                                                  ELSE member.id + '|' + me.id END}]->() }
         AS connected
