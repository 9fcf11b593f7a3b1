// name: intros.lock_requester
// version: 1
// mode: write
// params: person_id (string)
// returns: one row (person_id) when the person exists. Counts the request on the requester (intro_requests); that write also locks the requester, so two requests by the same person check the open-request quota one after the other. The caller rolls the transaction back when it refuses the request.
// example params (cypher-shell / Browser): :param person_id => '1';
MATCH (p:Person {id: $person_id})
SET p.intro_requests = coalesce(p.intro_requests, 0) + 1
RETURN p.id AS person_id
