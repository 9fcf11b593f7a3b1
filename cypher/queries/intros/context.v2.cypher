// name: intros.context
// version: 2
// mode: read
// params: broker_id (string), x_id (string), y_id (string), pair (string), expires_before
//   (datetime)
// returns: one row of facts about introducing x and y through broker: who exists, names, who opted
//   out of introductions, who is connected to / blocked with whom, whether x and y are kept
//   apart (blocked either way, or one told us they do not know the other: a 'dont_know'
//   invitation hold either way), the open (not yet expired)
//   introduction of the pair x|y if any, and x's open introduction requests (count, oldest last
//   action)
// example params (cypher-shell / Browser): :params {broker_id: '2', x_id: '1', y_id: '3', pair: '1|3', expires_before: datetime() - duration({days: 30})}
OPTIONAL MATCH (b:Person {id: $broker_id})
OPTIONAL MATCH (x:Person {id: $x_id})
OPTIONAL MATCH (y:Person {id: $y_id})
OPTIONAL MATCH (open:Introduction {open_pair: $pair})
  WHERE open.updated_at > $expires_before
CALL (x) {
  // Open requests: requested or introduced, and not past their expiry (evaluated here, not by a job).
  OPTIONAL MATCH (x)-[:REQUESTED_INTRO]->(i:Introduction)
    WHERE i.state IN ['requested', 'introduced'] AND i.updated_at > $expires_before
  RETURN count(i) AS x_open_requests, min(i.updated_at) AS x_oldest_open_at
}
RETURN b IS NOT NULL AS broker_exists,
       x IS NOT NULL AS x_exists,
       y IS NOT NULL AS y_exists,
       x.name AS x_name,
       y.name AS y_name,
       coalesce(x.intro_opt_out, false) AS x_opted_out,
       coalesce(y.intro_opt_out, false) AS y_opted_out,
       EXISTS { (b)-[:CONNECTED_TO]-(x) } AS broker_x_connected,
       EXISTS { (b)-[:CONNECTED_TO]-(y) } AS broker_y_connected,
       EXISTS { (x)-[:CONNECTED_TO]-(y) } AS x_y_connected,
       EXISTS { (b)-[:BLOCKED]-(x) } AS broker_x_blocked,
       EXISTS { (b)-[:BLOCKED]-(y) } AS broker_y_blocked,
       EXISTS { (x)-[:BLOCKED]-(y) } AS x_y_blocked,
       EXISTS { (x)-[:BLOCKED]-(y) }
         OR EXISTS { (x)-[:INVITE_HOLD {reason: 'dont_know'}]-(y) } AS x_y_kept_apart,
       open.id AS open_id,
       x_open_requests,
       x_oldest_open_at
