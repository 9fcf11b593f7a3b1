// name: imports.find_members
// version: 1
// mode: read
// params: person_id (string), rows (list of map)
// row: {key, url_key, email_hash} (either may be null)
// returns: one row per row that names a member: key, member_id, connected (the two are
//   connected). The member: the person whose linkedin_key is url_key, else the one person holding
//   an Email with email_hash (an address two people hold names neither); never person_id, never
//   someone blocked either way with person_id.
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana', rows: [{key: 'demo-ana|url:in/ben', url_key: 'in/ben', email_hash: null}]}
MATCH (me:Person {id: $person_id})
UNWIND $rows AS row
OPTIONAL MATCH (by_url:Person {linkedin_key: row.url_key})
CALL (row) {
  OPTIONAL MATCH (:Email {hash: row.email_hash})<-[:HAS_EMAIL]-(holder:Person)
  RETURN collect(DISTINCT holder) AS holders
}
WITH me, row, coalesce(by_url, CASE WHEN size(holders) = 1 THEN holders[0] END) AS member
WHERE member IS NOT NULL AND member <> me AND NOT EXISTS { (me)-[:BLOCKED]-(member) }
RETURN row.key AS key, member.id AS member_id,
       EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < member.id THEN me.id + '|' + member.id
                                              ELSE member.id + '|' + me.id END}]->() } AS connected
