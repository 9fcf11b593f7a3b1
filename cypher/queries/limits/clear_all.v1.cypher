// name: limits.clear_all
// version: 1
// mode: write
// params: none
// returns: one row: cleared, how many counters were deleted (every key starts afresh)
// example params (cypher-shell / Browser): :params {}
MATCH (c:AddressCounter)
DELETE c
RETURN count(*) AS cleared
