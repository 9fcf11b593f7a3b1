// name: views.forget_person
// version: 1
// mode: write
// params: person_id (string)
// returns: one row: deleted (view parts). Deletes the person's own view parts and every other
//   view part that lists them (as a person in `ids` or a mutual in `samples`): those are
//   computed again when next asked for. Views are few (heavy people only): a scan is cheap.
// example params (cypher-shell / Browser): :params {person_id: '107'}
OPTIONAL MATCH (v:NetworkView)
  WHERE v.person_id = $person_id OR $person_id IN v.ids OR $person_id IN v.samples
DELETE v
RETURN count(v) AS deleted
