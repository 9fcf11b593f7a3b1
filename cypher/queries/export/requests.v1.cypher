// name: export.requests
// version: 1
// mode: read
// params: person_id (string), after (string), limit (int)
// returns: up to limit rows after the key `after` ('' for the first), in key order: key, item.
//   The items: the caller's pending connection requests, sent and received, and invitation
//   holds either way: kind (request, hold), direction (sent, received), person_id, note,
//   created_at, reason / until (holds)
// example params (cypher-shell / Browser): :params {person_id: '107', after: '', limit: 500}
MATCH (me:Person {id: $person_id})-[r:REQUESTED|INVITE_HOLD]-(other:Person)
WITH other, r, CASE type(r) WHEN 'REQUESTED' THEN 'request' ELSE 'hold' END AS kind,
     CASE WHEN startNode(r) = me THEN 'sent' ELSE 'received' END AS direction
WITH other, r, kind, direction, kind + '|' + direction + '|' + other.id AS key
WHERE key > $after
RETURN key,
       {kind: kind, direction: direction, person_id: other.id, note: r.note,
        created_at: coalesce(r.created_at, r.at), reason: r.reason, until: r.until} AS item
ORDER BY key
LIMIT $limit
