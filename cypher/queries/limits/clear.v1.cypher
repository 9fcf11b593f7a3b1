// name: limits.clear
// version: 1
// mode: write
// params: key (string)
// returns: nothing; the key's counter is gone (its next hit starts a new window)
// example params (cypher-shell / Browser): :params {key: 'LIMITER/auth/203.0.113.9/30/1/minute'}
MATCH (c:AddressCounter {key: $key})
DELETE c
