// name: connections.request_budget
// version: 1
// mode: read
// params: person_id (string), since (datetime)
// returns: one row when the person exists: pending_outgoing (requests I sent that are still there,
//   ignored ones included), sent_since (the times I sent requests after since)
// example params (cypher-shell / Browser): :params {person_id: '1', since: datetime() - duration({days: 7})}
MATCH (me:Person {id: $person_id})
RETURN COUNT { (me)-[:REQUESTED]->(:Person) } AS pending_outgoing,
       [t IN coalesce(me.invites_sent_at, []) WHERE t > $since] AS sent_since
