// name: seed.bulk_empty_aliases
// version: 1
// mode: write
// params: none
// returns: one row: organizations (how many got an empty aliases list)
// example params (cypher-shell / Browser): :params {}
// After `--bulk`: the offline importer stores no empty list, but every organization holds one
// (organizations.add_keys appends to it), as the online load and the API make it.
MATCH (o:Organization)
WHERE o.aliases IS NULL
SET o.aliases = []
RETURN count(o) AS organizations
