// name: views.person_version
// version: 2
// mode: read
// params: person_id (string), part (string)
// returns: at most one row: version = the person's network_version (0 before any change) and
//   changes = how many deltas the part of their view has taken in so far (0 without one). Read
//   first in the transaction that computes a view part: a change committed after it makes the saved
//   part's version older than the person's (never served), and a delta applied meanwhile makes
//   views.save refuse it (the delta would be lost).
// example params (cypher-shell / Browser): :params {person_id: '107', part: 'second'}
MATCH (me:Person {id: $person_id})
OPTIONAL MATCH (v:NetworkView {person_id: $person_id, part: $part})
RETURN coalesce(me.network_version, 0) AS version, coalesce(v.changes, 0) AS changes
