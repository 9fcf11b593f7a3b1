// name: organizations.add_keys
// version: 1
// mode: write
// params: id (string), keys (list of string), domain (string), linkedin (string), alias (string),
//   alias_words (string)
// returns: one row when the organization exists: organization ({id, kind, name, domain, linkedin}).
//   Each key of keys that names no organization yet now names this one (a key already taken stays
//   with its organization); a null domain or linkedin is filled in; alias (a spelling whose name
//   key differs from the organization's, or null) joins aliases once, and its folded words
//   (alias_words) the typeahead's search_text
// example params (cypher-shell / Browser): :params {id: 'org-acme', keys: ['company:domain:acme.com'], domain: 'acme.com', linkedin: null, alias: null, alias_words: null}
MATCH (o:Organization {id: $id})
CALL (o) {
  UNWIND $keys AS key
  MERGE (k:OrganizationKey {key: key})
  ON CREATE SET k.organization_id = o.id
  WITH o, k WHERE k.organization_id = o.id
  MERGE (k)-[:KEY_OF]->(o)
}
SET o.domain = coalesce(o.domain, $domain), o.linkedin = coalesce(o.linkedin, $linkedin)
WITH o
CALL (o) {
  WITH o WHERE $alias IS NOT NULL AND NOT $alias IN o.aliases AND $alias <> o.name
  SET o.aliases = o.aliases + $alias, o.search_text = o.search_text + ' ' + $alias_words
}
RETURN o {.id, .kind, .name, .domain, .linkedin} AS organization
