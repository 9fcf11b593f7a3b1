// name: intros.details
// version: 1
// mode: read
// params: intro_ids (list of string)
// returns: one row per existing introduction, in the order of intro_ids: intro (its properties),
//   broker and requester (null for broker-started) as person summaries, targets [{person,
//   accepted_at}] ordered by id, broker_connected_to (ids of the two sides the broker is still
//   connected to), sides_connected (the two sides are connected), blocks ([blocker id, blocked id]
//   among the parties)
// example params (cypher-shell / Browser): :params {intro_ids: ['6f1c0e1e-0000-4000-8000-000000000000']}
UNWIND range(0, size($intro_ids) - 1) AS position
MATCH (i:Introduction {id: $intro_ids[position]})
MATCH (broker:Person)-[:BROKERS]->(i)
OPTIONAL MATCH (requester:Person)-[:REQUESTED_INTRO]->(i)
CALL (i) {
  MATCH (i)-[to:TO]->(t:Person)
  WITH t, to ORDER BY t.id
  RETURN collect(t) AS target_nodes,
         collect({person: t {.id, .name, .headline, .location, .industry, .profession},
                  accepted_at: to.accepted_at}) AS targets
}
WITH position, i, broker, requester, targets,
     CASE WHEN requester IS NULL THEN [] ELSE [requester] END + target_nodes AS sides
WITH position, i, broker, requester, targets, sides, sides[0] AS side0, sides[1] AS side1
CALL (broker, sides) {
  UNWIND [broker] + sides AS p
  MATCH (p)-[:BLOCKED]->(q:Person)
  WHERE q IN [broker] + sides
  RETURN collect([p.id, q.id]) AS blocks
}
RETURN i {.id, .kind, .state, .message, .note, .created_at, .updated_at, .introduced_at,
          .answered_at, .accepted_at, .ended_by} AS intro,
       broker {.id, .name, .headline, .location, .industry, .profession} AS broker,
       requester {.id, .name, .headline, .location, .industry, .profession} AS requester,
       targets,
       [s IN sides WHERE EXISTS { (broker)-[:CONNECTED_TO]-(s) } | s.id] AS broker_connected_to,
       EXISTS { (side0)-[:CONNECTED_TO]-(side1) } AS sides_connected,
       blocks
ORDER BY position
