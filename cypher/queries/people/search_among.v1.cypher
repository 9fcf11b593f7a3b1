// name: people.search_among
// version: 1
// mode: read
// params: viewer_id (string), ids (list of string), q (string), location (string), industry
//   (string), profession (string), skill (string), after_name (string), after_id (string), limit
//   (int)
// returns: like people.search, among the given ids only (the search's degree filter passes the ids
//   at the wanted degrees from network.degree_sets): one row per match, in name order after the
//   cursor: person (id, name, name_lower, headline, location, industry, profession). Null q and
//   filters match everyone; q is a lower-case name part; skill is compared lower-case.
// example params (cypher-shell / Browser): :params {viewer_id: '1', ids: ['2', '3'], q: null, location: null, industry: null, profession: null, skill: null, after_name: '', after_id: '', limit: 21}
MATCH (viewer:Person {id: $viewer_id})
UNWIND $ids AS id
MATCH (p:Person {id: id})
WHERE [p.name_lower, p.id] > [$after_name, $after_id]
  AND ($q IS NULL OR p.name_lower CONTAINS $q)
  AND ($location IS NULL OR p.location = $location)
  AND ($industry IS NULL OR p.industry = $industry)
  AND ($profession IS NULL OR p.profession = $profession)
  AND ($skill IS NULL OR any(s IN coalesce(p.skills, []) WHERE toLower(s) = $skill))
  AND p <> viewer
  AND NOT EXISTS { (p)-[:BLOCKED]-(viewer) }
RETURN p {.id, .name, .name_lower, .headline, .location, .industry, .profession} AS person
ORDER BY p.name_lower, p.id
LIMIT $limit
