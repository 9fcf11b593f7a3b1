// name: seed.merge_requests
// version: 1
// mode: write
// params: rows (list of maps)
// row: {sender, recipient, pair: sender|recipient, created_at: ISO text or null, note,
//   state: 'pending' or 'ignored'}
// returns: one row: written (rows that now have their request; the rest were already connected,
//   blocked, asked the other way, or unknown)
// example params (cypher-shell / Browser): :params {rows: [{sender: 'demo-hugo', recipient: 'demo-ana', pair: 'demo-hugo|demo-ana', created_at: '2025-12-01T10:00:00Z', note: 'Hi Ana', state: 'pending'}]}
// Seed loaders: one request per ordered pair; an existing one is kept as it is.
UNWIND $rows AS row
MATCH (a:Person {id: row.sender})
MATCH (b:Person {id: row.recipient})
WHERE NOT (a)-[:CONNECTED_TO|BLOCKED]-(b) AND NOT (b)-[:REQUESTED]->(a)
MERGE (a)-[r:REQUESTED]->(b)
  ON CREATE SET r.pair = row.pair, r.created_at = coalesce(datetime(row.created_at), datetime()),
                r.note = row.note, r.state = row.state
RETURN count(*) AS written
