// name: careers.current_people
// version: 1
// mode: read
// params: organization_id (string), title (string)
// returns: one row: ids, the people with a current position (no end; or studying there now) at
//   the organization (null: at any), whose current title contains title (pass it lower-case;
//   null: any title). For search's organization= and title= filters.
// example params (cypher-shell / Browser): :params {organization_id: 'demo-org-northwind', title: 'engineer'}
CALL () {
  // From the organization's node when there is one (an index seek), else every current stint.
  WITH 1 AS one WHERE $organization_id IS NOT NULL
  MATCH (:Organization {id: $organization_id})<-[w:WORKED_AT|STUDIED_AT]-(p:Person)
  WHERE w.end IS NULL
  RETURN p, w
  UNION
  WITH 1 AS one WHERE $organization_id IS NULL
  MATCH (p:Person)-[w:WORKED_AT]->(:Organization)
  WHERE w.end IS NULL
  RETURN p, w
}
WITH p, w
WHERE $title IS NULL OR toLower(coalesce(w.title, '')) CONTAINS $title
RETURN collect(DISTINCT p.id) AS ids
