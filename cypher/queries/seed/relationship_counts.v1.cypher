// name: seed.relationship_counts
// version: 1
// mode: read
// params: none
// returns: one row: blocked, requested (relationship counts, from the count store)
// example params (cypher-shell / Browser): (none)
// The loader takes the fast path for connections only when both are 0.
CALL () { MATCH ()-[b:BLOCKED]->() RETURN count(b) AS blocked }
CALL () { MATCH ()-[q:REQUESTED]->() RETURN count(q) AS requested }
RETURN blocked, requested
