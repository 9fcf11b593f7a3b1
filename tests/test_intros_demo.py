"""The demo seeder makes introductions in several states, through the service's own rules."""

from __future__ import annotations

from backend.intros.demo import SCENARIOS, seed_demo_intros
from tests.support.graph import connect, create_person


def test_demo_intros_cover_the_states(app, cypher):
    # A ring of brokers: h is connected to everyone, nobody else is connected.
    ids = ["h"] + [f"p{n}" for n in range(12)]
    for person_id in ids:
        create_person(cypher, person_id, name=person_id.upper())
    for person_id in ids[1:]:
        connect(cypher, "h", person_id)

    with app.app_context():  # as `mutuals seed demo` runs it
        made = seed_demo_intros(ids, per_scenario=2)
    assert made == dict.fromkeys(SCENARIOS, 2)
    states = {
        row["state"]: row["n"]
        for row in cypher("MATCH (i:Introduction) RETURN i.state AS state, count(*) AS n")
    }
    assert states == {"requested": 2, "introduced": 4, "accepted": 2, "declined": 2}
    assert cypher(
        "MATCH (:Introduction {state: 'accepted'})-[:HAS_FOLLOW_UP]->(f:FollowUp) "
        "RETURN count(f) AS n"
    ) == [{"n": 2}]
    assert cypher(
        "MATCH (i:Introduction {kind: 'broker'})-[to:TO]->() "
        "RETURN count(to.accepted_at) AS accepted, count(to) AS sides"
    ) == [{"accepted": 2, "sides": 4}]
    # The accepted ones connected their two sides.
    assert cypher(
        "MATCH (r)-[:REQUESTED_INTRO]->(:Introduction {state: 'accepted'})-[:TO]->(t) "
        "RETURN count { (r)-[:CONNECTED_TO]-(t) } AS c"
    ) == [{"c": 1}, {"c": 1}]


def test_demo_intros_need_connected_people(app, cypher):
    for person_id in ("a", "b"):
        create_person(cypher, person_id)
    with app.app_context():
        assert seed_demo_intros(["a", "b"]) == dict.fromkeys(SCENARIOS, 0)
