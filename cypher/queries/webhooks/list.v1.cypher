// name: webhooks.list
// version: 1
// mode: read
// params: owner_id (string)
// returns: one row per webhook of the owner, oldest first: webhook (its properties)
// example params (cypher-shell / Browser): :params {owner_id: '1'}
MATCH (:Person {id: $owner_id})-[:HAS_WEBHOOK]->(w:Webhook)
RETURN properties(w) AS webhook
ORDER BY w.created_at, w.id
