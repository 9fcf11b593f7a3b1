// name: intros.lock
// version: 1
// mode: write
// params: intro_id (string)
// returns: one row (id) when the introduction exists. Bumps its revision, which takes the
//   introduction's write lock before anything reads its state: concurrent transitions of one
//   introduction run one after the other.
// example params (cypher-shell / Browser): :params {intro_id: '6f1c0e1e-0000-4000-8000-000000000000'}
MATCH (i:Introduction {id: $intro_id})
SET i.rev = i.rev + 1
RETURN i.id AS id
