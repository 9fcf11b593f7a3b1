// name: people.search_by_name
// version: 1
// mode: read
// params: viewer_id (string), q (string), location (string), industry (string), profession
//   (string), skill (string), after_name (string), after_id (string), limit (int)
// returns: like people.search, for people whose name_lower contains q (lower-case): found through
//   the name_lower text index, then filtered and sorted by name.
// example params (cypher-shell / Browser): :params {viewer_id: '1', q: 'ada', location: null, industry: null, profession: null, skill: null, after_name: '', after_id: '', limit: 21}
MATCH (viewer:Person {id: $viewer_id})
MATCH (p:Person)
WHERE p.name_lower CONTAINS $q
  AND p.name_lower >= $after_name
  AND [p.name_lower, p.id] > [$after_name, $after_id]
  AND ($location IS NULL OR p.location = $location)
  AND ($industry IS NULL OR p.industry = $industry)
  AND ($profession IS NULL OR p.profession = $profession)
  AND ($skill IS NULL OR any(s IN coalesce(p.skills, []) WHERE toLower(s) = $skill))
  AND p <> viewer
  AND NOT EXISTS { (p)-[:BLOCKED]-(viewer) }
RETURN p {.id, .name, .name_lower, .headline, .location, .industry, .profession} AS person
ORDER BY p.name_lower, p.id
LIMIT $limit
