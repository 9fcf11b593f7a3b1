// name: webhooks.lock
// version: 1
// mode: write
// params: id (string)
// returns: one row (id) when the webhook exists. Takes its write lock (bumps w.rev) before
//   anything reads its failure count: concurrent attempts are recorded one after the other.
// example params (cypher-shell / Browser): :params {id: 'wh1'}
MATCH (w:Webhook {id: $id})
SET w.rev = coalesce(w.rev, 0) + 1
RETURN w.id AS id
