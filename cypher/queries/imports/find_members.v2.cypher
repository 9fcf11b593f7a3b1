// name: imports.find_members
// version: 2
// mode: read
// params: person_id (string), rows (list of map)
// row: {key, url_key, email_hash} (either may be null)
// returns: one row per row that names a member: key, member_id, connected (the two are
//   connected). The member: the person whose linkedin_key is url_key, else the one person holding
//   an Email with email_hash (an address two people hold names neither); never person_id, never
//   someone blocked either way with person_id. Two plain UNWINDs (v1 ran a subquery per row,
//   an address lookup even for the nine rows in ten that have none).
// example params (cypher-shell / Browser): :params {person_id: 'demo-ana', rows: [{key: 'demo-ana|url:in/ben', url_key: 'in/ben', email_hash: null}]}
MATCH (me:Person {id: $person_id})
CALL (me) {
  UNWIND $rows AS row
  MATCH (member:Person {linkedin_key: row.url_key})
  RETURN row.key AS key, member
UNION ALL
  UNWIND $rows AS row
  WITH row
  WHERE row.email_hash IS NOT NULL
    AND (row.url_key IS NULL OR NOT EXISTS { (:Person {linkedin_key: row.url_key}) })
  MATCH (:Email {hash: row.email_hash})<-[:HAS_EMAIL]-(holder:Person)
  WITH row.key AS key, collect(DISTINCT holder) AS holders
  WHERE size(holders) = 1
  RETURN key, holders[0] AS member
}
WITH me, key, member
WHERE member <> me AND NOT EXISTS { (me)-[:BLOCKED]-(member) }
RETURN key, member.id AS member_id,
       EXISTS { ()-[:CONNECTED_TO {pair: CASE WHEN me.id < member.id THEN me.id + '|' + member.id
                                              ELSE member.id + '|' + me.id END}]->() } AS connected
