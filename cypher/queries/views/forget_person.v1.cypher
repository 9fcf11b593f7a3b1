// name: views.forget_person
// version: 1
// mode: write
// params: person_id (string)
// returns: one row: deleted (view parts). Deletes every view part that lists the person (as a
//   person in `ids` or a mutual in `samples`): those are computed again when next asked for.
//   Run with views.forget when the person is deleted. Views are few (heavy people only): a
//   scan is cheap.
// example params (cypher-shell / Browser): :params {person_id: '107'}
OPTIONAL MATCH (v:NetworkView)
  WHERE $person_id IN v.ids OR $person_id IN v.samples
DELETE v
RETURN count(v) AS deleted
