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
// Writes only what is new: racing requests that name one organization then take no lock on
// it (a lock upgraded by two of them at once is a deadlock).
CALL (o) {
  UNWIND $keys AS key
  MERGE (k:OrganizationKey {key: key})
  ON CREATE SET k.organization_id = o.id
  WITH o, k WHERE k.organization_id = o.id AND NOT EXISTS { (k)-[:KEY_OF]->(o) }
  CREATE (k)-[:KEY_OF]->(o)
}
CALL (o) {
  WITH o WHERE (o.domain IS NULL AND $domain IS NOT NULL)
            OR (o.linkedin IS NULL AND $linkedin IS NOT NULL)
  SET o.domain = coalesce(o.domain, $domain), o.linkedin = coalesce(o.linkedin, $linkedin)
}
CALL (o) {
  WITH o WHERE $alias IS NOT NULL AND NOT $alias IN o.aliases AND $alias <> o.name
  SET o.aliases = o.aliases + $alias, o.search_text = o.search_text + ' ' + $alias_words
}
RETURN o {.id, .kind, .name, .domain, .linkedin} AS organization
