// name: export.introductions
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the introductions the caller is a party to: id, role, kind, state, the
//   requester's message (for the requester and the broker only), the broker's note, times,
//   the other parties' ids, and the follow-ups
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (me:Person {id: $person_id})-[rel:REQUESTED_INTRO|BROKERS|TO]-(i:Introduction)
WHERE i.id > $after
WITH me, i, CASE type(rel) WHEN 'REQUESTED_INTRO' THEN 'requester' WHEN 'BROKERS' THEN 'broker'
                           ELSE 'target' END AS role
RETURN i.id AS key,
       {id: i.id, role: role, kind: i.kind, state: i.state,
        message: CASE WHEN role = 'target' THEN null ELSE i.message END, note: i.note,
        created_at: i.created_at, updated_at: i.updated_at, introduced_at: i.introduced_at,
        ended_by: i.ended_by,
        parties: [(i)-[r:REQUESTED_INTRO|BROKERS|TO]-(p:Person) WHERE p <> me
                  | {person_id: p.id, role: CASE type(r) WHEN 'REQUESTED_INTRO' THEN 'requester'
                                                 WHEN 'BROKERS' THEN 'broker' ELSE 'target' END}],
        follow_ups: [(i)-[:HAS_FOLLOW_UP]->(f:FollowUp) | properties(f)]} AS item
ORDER BY key
LIMIT $limit
