// name: careers.lock_person
// version: 1
// mode: write
// params: person_id (string)
// returns: at most one row (none when there is no such person): positions and education, how many
//   entries of each the person has. Takes the person's write lock first (bumps career_version),
//   so that a count and the write after it are one step even under racing requests
// example params (cypher-shell / Browser): :params {person_id: 'demo-ada'}
MATCH (p:Person {id: $person_id})
SET p.career_version = coalesce(p.career_version, 0) + 1
RETURN COUNT { (p)-[:WORKED_AT]->(:Organization) } AS positions,
       COUNT { (p)-[:STUDIED_AT]->(:Organization) } AS education
