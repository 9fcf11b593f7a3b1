// name: webhooks.get
// version: 1
// mode: read
// params: owner_id (string), id (string)
// returns: one row: webhook (its properties) when the owner has it; none otherwise
// example params (cypher-shell / Browser): :params {owner_id: '1', id: 'wh1'}
MATCH (:Person {id: $owner_id})-[:HAS_WEBHOOK]->(w:Webhook {id: $id})
RETURN properties(w) AS webhook
