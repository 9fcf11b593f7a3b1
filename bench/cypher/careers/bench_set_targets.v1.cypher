// name: careers.bench_set_targets
// version: 1
// mode: write
// params: person_id (string), organization_ids (list of string), now (datetime)
// returns: one row: targets, how many the person has now: exactly organization_ids, in that
//   order (any earlier board of theirs is replaced)
// example params (cypher-shell / Browser): :params {person_id: 'g10060', organization_ids: ['bo0', 'bo1'], now: datetime()}
MATCH (p:Person {id: $person_id})
CALL (p) {
  OPTIONAL MATCH (p)-[t:TARGETS]->()
  DELETE t
}
WITH p
UNWIND range(0, size($organization_ids) - 1) AS i
MATCH (o:Organization {id: $organization_ids[i]})
CREATE (p)-[:TARGETS {position: i + 1, notes: null, added_at: $now}]->(o)
RETURN count(*) AS targets
