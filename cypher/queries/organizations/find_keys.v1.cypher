// name: organizations.find_keys
// version: 1
// mode: read
// params: keys (list of string)
// returns: one row per key of keys that names an organization: key, organization ({id, kind, name,
//   domain, linkedin})
// example params (cypher-shell / Browser): :params {keys: ['company:domain:acme.com', 'company:name:acme']}
UNWIND $keys AS key
MATCH (:OrganizationKey {key: key})-[:KEY_OF]->(o:Organization)
RETURN key, o {.id, .kind, .name, .domain, .linkedin} AS organization
