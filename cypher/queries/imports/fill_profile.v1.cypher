// name: imports.fill_profile
// version: 1
// mode: write
// params: person_id (string), fields (map), overwrite (boolean), now (datetime)
// returns: at most one row (none: no such person): changed, the names of the fields that took a
//   new value. fields: headline, summary, industry, location (each text or null: not in the
//   export). A field takes the export's value when the person has none, or when overwrite is
//   true; a null never clears one.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana', fields: {headline: 'Engineer', summary: null, industry: 'Software', location: 'Berlin'}, overwrite: false, now: datetime()}
MATCH (p:Person {id: $person_id})
WITH p, [key IN ['headline', 'summary', 'industry', 'location']
         WHERE $fields[key] IS NOT NULL AND ($overwrite OR p[key] IS NULL)
           AND coalesce(p[key] <> $fields[key], true)] AS changed
SET p.headline = CASE WHEN 'headline' IN changed THEN $fields.headline ELSE p.headline END,
    p.summary = CASE WHEN 'summary' IN changed THEN $fields.summary ELSE p.summary END,
    p.industry = CASE WHEN 'industry' IN changed THEN $fields.industry ELSE p.industry END,
    p.location = CASE WHEN 'location' IN changed THEN $fields.location ELSE p.location END,
    p.updated_at = CASE WHEN size(changed) > 0 THEN $now ELSE p.updated_at END
RETURN changed
