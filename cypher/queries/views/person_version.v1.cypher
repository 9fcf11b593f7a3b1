// name: views.person_version
// version: 1
// mode: read
// params: person_id (string)
// returns: at most one row: version = the person's network_version (0 before any change). Read
//   first in the transaction that computes a view: a change committed after it makes the saved
//   view's version older than the person's, so the view is never served.
// example params (cypher-shell / Browser): :params {person_id: '107'}
MATCH (me:Person {id: $person_id})
RETURN coalesce(me.network_version, 0) AS version
