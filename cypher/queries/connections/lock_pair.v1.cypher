// name: connections.lock_pair
// version: 1
// mode: write
// params: person_ids (list of string)
// returns: one row per person found: id. Takes the write lock of each person, in id order (so two
//   transactions on the same pair never deadlock), by bumping p.version; run it first in a
//   transaction that checks the pair and then writes.
// example params (cypher-shell / Browser): :params {person_ids: ['1', '2']}
MATCH (p:Person)
WHERE p.id IN $person_ids
WITH p
ORDER BY p.id
SET p.version = coalesce(p.version, 0) + 1
RETURN p.id AS id
