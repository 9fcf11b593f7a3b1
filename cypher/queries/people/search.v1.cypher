// name: people.search
// version: 1
// mode: read
// params: viewer_id (string), location (string), industry (string), profession (string), skill
//   (string), after_name (string), after_id (string), limit (int)
// returns: one row per match, in name order after the cursor (after_name, after_id; '' for the
//   first page): person (id, name, name_lower, headline, location, industry, profession). Null
//   filters match everyone; skill is compared lower-case. Never the viewer, never someone blocked
//   either way. Walks the name_lower range index in order, so a page costs about limit / (share of
//   people matching).
// example params (cypher-shell / Browser): :params {viewer_id: '1', location: 'Berlin', industry: null, profession: null, skill: null, after_name: '', after_id: '', limit: 21}
MATCH (viewer:Person {id: $viewer_id})
MATCH (p:Person)
WHERE p.name_lower >= $after_name
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
