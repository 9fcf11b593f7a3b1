// name: targets.lock
// version: 1
// mode: write
// params: person_id (string)
// returns: at most one row (none when there is no such person): targets, how many organizations
//   the person targets. Takes the person's write lock first (bumps targets_version), so that a
//   count and the write after it are one step even under racing requests
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada'}
MATCH (p:Person {id: $person_id})
SET p.targets_version = coalesce(p.targets_version, 0) + 1
RETURN COUNT { (p)-[:TARGETS]->(:Organization) } AS targets
