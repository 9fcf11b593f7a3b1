// name: views.touch
// version: 2
// mode: write
// params: person_ids (list of string)
// returns: one row per person found: id, version (their network_version after this change; the
//   one before is version - 1) and degree (their connections now). Bumps p.network_version, which
//   each part of a network view records: a part whose version differs is not served until a delta
//   (views.merge) or a refresh brings it to this version. Run it in the transaction of every change
//   to a person's own network (connect, remove, block, unblock, withdraw, profile), for both people
//   of a pair, before the views' deltas.
// example params (cypher-shell / Browser): :params {person_ids: ['1', '2']}
MATCH (p:Person)
WHERE p.id IN $person_ids
SET p.network_version = coalesce(p.network_version, 0) + 1
RETURN p.id AS id, p.network_version AS version, COUNT { (p)-[:CONNECTED_TO]-() } AS degree
