// name: views.touch
// version: 1
// mode: write
// params: person_ids (list of string), parts (list of string)
// returns: one row per person found: id, and which of parts their view has. Bumps
//   p.network_version, which a network view records when it is computed: a view whose version
//   differs is not served. Run it in the transaction of every change to a person's own network
//   (connect, remove, block, unblock, withdraw, profile), for both people of a pair.
// example params (cypher-shell / Browser): :params {person_ids: ['1', '2'], parts: ['second', 'suggestions']}
MATCH (p:Person)
WHERE p.id IN $person_ids
SET p.network_version = coalesce(p.network_version, 0) + 1
RETURN p.id AS id,
       [part IN $parts WHERE EXISTS { (:NetworkView {person_id: p.id, part: part}) }] AS parts
