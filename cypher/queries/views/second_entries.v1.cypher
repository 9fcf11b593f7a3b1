// name: views.second_entries
// version: 1
// mode: read
// params: pairs (list of list of string), sample_size (int)
// returns: one row per pair [holder, candidate] whose candidate is a 2nd connection of the holder
//   now (not the holder, not a 1st connection, not blocked either way, at least one mutual):
//   holder, id, key (= mutual_count: the rank of a 'second' view entry), mutual_count,
//   recommended_by (0: not part of this ranking) and sample (the first sample_size mutual ids by
//   id, padded with ''). No row: not a 2nd connection. The exact entries a network view's delta
//   puts in place of its old ones (docs/views.md). Cost per pair: min(the two degrees) index seeks
//   on the connection pair key (the smaller side is expanded), never a 2-hop expansion.
// example params (cypher-shell / Browser): :params {pairs: [['107', '2'], ['107', '3']], sample_size: 3}
UNWIND $pairs AS pair
MATCH (me:Person {id: pair[0]}), (c:Person {id: pair[1]})
WHERE c <> me
  AND NOT EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < c.id THEN me.id + '|' + c.id
                                                 ELSE c.id + '|' + me.id END}]->() }
  AND NOT EXISTS { (me)-[:BLOCKED]-(c) }
CALL (me, c) {
  WITH me, c, COUNT { (me)-[:CONNECTED_TO]-() } AS mine, COUNT { (c)-[:CONNECTED_TO]-() } AS theirs
  CALL (me, c, mine, theirs) {
    WITH me, c WHERE theirs <= mine
    MATCH (c)-[:CONNECTED_TO]-(m)
    WHERE EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < m.id THEN me.id + '|' + m.id
                                                 ELSE m.id + '|' + me.id END}]->() }
    RETURN m
    UNION ALL
    WITH me, c WHERE theirs > mine
    MATCH (me)-[:CONNECTED_TO]-(m)
    WHERE EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN c.id < m.id THEN c.id + '|' + m.id
                                                 ELSE m.id + '|' + c.id END}]->() }
    RETURN m
  }
  RETURN collect(m.id) AS mutual_ids
}
WITH me, c, mutual_ids
WHERE size(mutual_ids) > 0
WITH me, c, size(mutual_ids) AS mutual_count,
     COLLECT { UNWIND mutual_ids AS x RETURN x ORDER BY x LIMIT $sample_size } AS sample
RETURN me.id AS holder, c.id AS id, mutual_count AS key, mutual_count, 0 AS recommended_by,
       sample + [pad IN range(1, $sample_size - size(sample)) | ''] AS sample
