// name: organizations.get
// version: 1
// mode: read
// params: id (string)
// returns: at most one row: organization ({id, kind, name, domain, linkedin, aliases}), current
//   (people with a position there that has no end, or studying there now) and former (people who
//   were there and are not now)
// example params (cypher-shell / Browser): :params {id: 'demo-org-northwind'}
MATCH (o:Organization {id: $id})
CALL (o) {
  MATCH (o)<-[r:WORKED_AT|STUDIED_AT]-(p:Person)
  WITH p, max(CASE WHEN r.end IS NULL THEN 1 ELSE 0 END) AS now
  RETURN sum(now) AS current, count(p) - sum(now) AS former
}
RETURN o {.id, .kind, .name, .domain, .linkedin, .aliases} AS organization, current, former
