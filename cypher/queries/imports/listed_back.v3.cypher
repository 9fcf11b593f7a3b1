// name: imports.listed_back
// version: 3
// mode: read
// params: pairs (list of list of string)
// returns: one row per pair [lister, member] whose two people exist: lister, member, connected
//   (the two are connected), blocked (a block either way) and back_dates (the Connected On of
//   member's contacts that name lister: not empty when both listed each other; a date may be
//   null). Read after connections.lock_pair on both, so that two imports listing each other at
//   the same instant see each other's contacts, one of them at least.
//   v3: the member's contacts naming lister are found from the side with fewer relationships
//   (lister's MATCHES or member's HAS_CONTACT, degrees read from the store): v2 expanded
//   lister's MATCHES for every pair, and an importer listed by many has many (300 a pair in
//   the 30,000-row benchmark, where each member has one contact).
// example params (cypher-shell / Browser): :params {pairs: [['demo-ana', 'demo-ben']]}
UNWIND $pairs AS pair
MATCH (lister:Person {id: pair[0]}), (member:Person {id: pair[1]})
RETURN lister.id AS lister, member.id AS member,
       EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN lister.id < member.id
                                              THEN lister.id + '|' + member.id
                                              ELSE member.id + '|' + lister.id END}]->() }
         AS connected,
       EXISTS { (lister)-[:BLOCKED]-(member) } AS blocked,
       COLLECT {
         WITH lister, member
         WHERE COUNT { (lister)<-[:MATCHES]-() } <= COUNT { (member)-[:HAS_CONTACT]->() }
         MATCH (lister)<-[:MATCHES]-(back:Contact)
         WHERE EXISTS { (back)<-[:HAS_CONTACT]-(member) }
         RETURN back.connected_on AS on
         UNION ALL
         WITH lister, member
         WHERE COUNT { (lister)<-[:MATCHES]-() } > COUNT { (member)-[:HAS_CONTACT]->() }
         MATCH (member)-[:HAS_CONTACT]->(back:Contact)
         WHERE EXISTS { (back)-[:MATCHES]->(lister) }
         RETURN back.connected_on AS on
       } AS back_dates
