// name: intros.expire_pair
// version: 1
// mode: write
// params: pair (string), expires_before (datetime)
// returns: one row (id) per open introduction of the pair whose time ran out: it is stored as
//   expired and frees the pair for a new one (expiry is otherwise only computed at read time)
// example params (cypher-shell / Browser): :params {pair: '1|3', expires_before: datetime() - duration({days: 30})}
MATCH (i:Introduction {open_pair: $pair})
WHERE i.updated_at <= $expires_before
SET i.state = 'expired', i.open_pair = null
RETURN i.id AS id
