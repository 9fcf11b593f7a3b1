// name: imports.group_members
// version: 1
// mode: read
// params: ids (list of string), linkedin_keys (list of string)
// returns: one row per person whose id is in ids or whose LinkedIn profile key is in
//   linkedin_keys: id, name, linkedin_key (null when none). Who a group import's exports and
//   identities name (backend/imports/group.py).
// example params (cypher-shell / Browser): :params {ids: ['demo-ana'], linkedin_keys: ['in/ana-costa']}
MATCH (p:Person)
WHERE p.id IN $ids
RETURN p.id AS id, p.name AS name, p.linkedin_key AS linkedin_key
UNION
MATCH (p:Person)
WHERE p.linkedin_key IN $linkedin_keys
RETURN p.id AS id, p.name AS name, p.linkedin_key AS linkedin_key
