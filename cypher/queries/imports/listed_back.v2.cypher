// name: imports.listed_back
// version: 2
// mode: read
// params: pairs (list of list of string)
// returns: one row per pair [lister, member] whose two people exist: lister, member, connected
//   (the two are connected), blocked (a block either way) and back_dates (the Connected On of
//   member's contacts that name lister: not empty when both listed each other; a date may be
//   null). Read after connections.lock_pair on both, so that two imports listing each other at
//   the same instant see each other's contacts, one of them at least.
// example params (cypher-shell / Browser): :params {pairs: [['demo-ana', 'demo-ben']]}
UNWIND $pairs AS pair
MATCH (lister:Person {id: pair[0]}), (member:Person {id: pair[1]})
RETURN lister.id AS lister, member.id AS member,
       EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN lister.id < member.id
                                              THEN lister.id + '|' + member.id
                                              ELSE member.id + '|' + lister.id END}]->() }
         AS connected,
       EXISTS { (lister)-[:BLOCKED]-(member) } AS blocked,
       COLLECT { MATCH (lister)<-[:MATCHES]-(back:Contact)<-[:HAS_CONTACT]-(member)
                 RETURN back.connected_on } AS back_dates
