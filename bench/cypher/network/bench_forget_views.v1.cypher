// name: network.bench_forget_views
// version: 1
// mode: write
// params: limit (int)
// returns: one row: deleted (view parts deleted, at most limit). bench/cold.py runs it until 0
//   so that its precompute starts from no views, as after a bulk load.
// example params (cypher-shell / Browser): :params {limit: 1000}
MATCH (v:NetworkView)
WITH v LIMIT $limit
DELETE v
RETURN count(*) AS deleted
