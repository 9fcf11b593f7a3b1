// name: intros.list_mine
// version: 2
// mode: read
// params: person_id (string), role (string), states (list of string), expires_before (datetime),
//   after_instant (int), after_id (string), limit (int)
// returns: up to limit rows (id, instant, role) of the introductions person_id takes part in,
//   newest first (instant desc, id desc; instant: created_at in ns, for the cursor), after the
//   cursor (after_instant, after_id; null for the first page). role (requester, broker, target)
//   and states (effective states: open ones past their expiry count as expired) filter when not
//   null. A target sees a requested introduction only once the broker forwarded it;
//   introductions where the person and another party blocked each other are hidden.
// example params (cypher-shell / Browser): :params {person_id: '1', role: null, states: null, expires_before: datetime() - duration({days: 30}), after_instant: null, after_id: null, limit: 21}
MATCH (me:Person {id: $person_id})
CALL (me) {
  MATCH (me)-[:REQUESTED_INTRO]->(i:Introduction)
  RETURN i, 'requester' AS role
  UNION
  MATCH (me)-[:BROKERS]->(i:Introduction)
  RETURN i, 'broker' AS role
  UNION
  MATCH (i:Introduction)-[:TO]->(me)
  WHERE i.introduced_at IS NOT NULL
  RETURN i, 'target' AS role
}
WITH me, i, role,
     CASE WHEN i.state IN ['requested', 'introduced'] AND i.updated_at <= $expires_before
          THEN 'expired' ELSE i.state END AS state,
     i.created_at.epochSeconds * 1000000000 + i.created_at.nanosecond AS instant
WHERE ($role IS NULL OR role = $role)
  AND ($states IS NULL OR state IN $states)
  AND ($after_id IS NULL OR instant < $after_instant
       OR (instant = $after_instant AND i.id < $after_id))
  AND NOT EXISTS {
    MATCH (me)-[:BLOCKED]-(other:Person)
    WHERE (other)-[:REQUESTED_INTRO|BROKERS]->(i) OR (i)-[:TO]->(other)
  }
WITH i, role, instant
ORDER BY instant DESC, i.id DESC
LIMIT $limit
RETURN i.id AS id, instant, role
