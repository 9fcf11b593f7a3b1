// name: webhooks.create
// version: 1
// mode: write
// params: owner_id (string), id (string), url (string), kinds (list of string), secret (string),
//   max_webhooks (int), now (datetime)
// returns: one row: webhook (its properties, secret included) when created; none when the
//   owner already has max_webhooks webhooks
// example params (cypher-shell / Browser): :params {owner_id: '1', id: 'wh1', url: 'https://example.com/hook', kinds: null, secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', max_webhooks: 10, now: datetime()}
MATCH (owner:Person {id: $owner_id})
SET owner.version = coalesce(owner.version, 0) + 1
WITH owner
WHERE COUNT { (owner)-[:HAS_WEBHOOK]->(:Webhook) } < $max_webhooks
CREATE (owner)-[:HAS_WEBHOOK]->(w:Webhook {
  id: $id, url: $url, kinds: $kinds, secret: $secret, enabled: true, failures: 0,
  created_at: $now})
RETURN properties(w) AS webhook
