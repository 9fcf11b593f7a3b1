"""Races with real concurrent requests against gunicorn (several workers and threads).

Each race is run on many pairs at once, every request of it released together by a barrier,
so that the server really interleaves them. Afterwards the graph must hold its invariants
and every answer must have been a 2xx or a 4xx, never a 500.
"""

from __future__ import annotations

import requests

from tests.support.graph import auth, connect, create_person
from tests.support.races import race

PAIRS = 12


def assert_invariants(cypher) -> None:
    """One CONNECTED_TO per pair, one REQUESTED per ordered pair, no request beside a connection."""
    assert cypher(
        "MATCH (a:Person)-[c:CONNECTED_TO]-(b:Person) WHERE a.id < b.id "
        "WITH a, b, count(c) AS n WHERE n > 1 RETURN count(*) AS n"
    ) == [{"n": 0}]
    assert cypher(
        "MATCH (a:Person)-[r:REQUESTED]->(b:Person) "
        "WITH a, b, count(r) AS n WHERE n > 1 RETURN count(*) AS n"
    ) == [{"n": 0}]
    assert cypher(
        "MATCH (a:Person)-[:REQUESTED]-(b:Person) WHERE EXISTS { (a)-[:CONNECTED_TO]-(b) } "
        "RETURN count(*) AS n"
    ) == [{"n": 0}]


def assert_settled(cypher, connected: int) -> None:
    """After the race: ``connected`` connections, no request left, the invariants hold."""
    assert count(cypher, "CONNECTED_TO") == connected
    assert count(cypher, "REQUESTED") == 0
    assert_invariants(cypher)


def count(cypher, kind: str) -> int:
    return cypher(f"MATCH (:Person)-[r:{kind}]->(:Person) RETURN count(r) AS n")[0]["n"]


def pairs(cypher) -> list[tuple[str, str, str, str]]:
    """PAIRS pairs of people: (a_id, a_token, b_id, b_token)."""
    return [
        (f"a{i}", create_person(cypher, f"a{i}"), f"b{i}", create_person(cypher, f"b{i}"))
        for i in range(PAIRS)
    ]


def test_a_asks_b_while_b_asks_a(live_server, cypher):
    people = pairs(cypher)
    calls = []
    for a, a_token, b, b_token in people:
        calls += [
            ("POST", f"{live_server}/v1/me/requests", a_token, {"to": b}),
            ("POST", f"{live_server}/v1/me/requests", b_token, {"to": a}),
        ]
    statuses = [response.status_code for response in race(calls)]
    # One of each pair created the request, the other found it and connected the two.
    for i in range(PAIRS):
        assert sorted(statuses[2 * i : 2 * i + 2]) == [200, 201], statuses
    assert_settled(cypher, connected=PAIRS)


def requested_pairs(live_server, cypher) -> list[tuple[str, str, str, str]]:
    """``pairs``, in each of which a has sent b a request."""
    people = pairs(cypher)
    for _, a_token, b, _ in people:
        response = requests.post(
            f"{live_server}/v1/me/requests", headers=auth(a_token), json={"to": b}, timeout=30
        )
        assert response.status_code == 201, response.text
    return people


def accept_call(live_server, sender: str, token: str) -> tuple:
    """The race call of accepting ``sender``'s request with ``token``."""
    return ("POST", f"{live_server}/v1/me/requests/incoming/{sender}/accept", token, None)


def test_two_accepts_of_one_request(live_server, cypher):
    people = requested_pairs(live_server, cypher)
    calls = []
    for a, _, _, b_token in people:
        calls += [accept_call(live_server, a, b_token), accept_call(live_server, a, b_token)]
    statuses = [response.status_code for response in race(calls)]
    for i in range(PAIRS):
        assert sorted(statuses[2 * i : 2 * i + 2]) == [201, 409], statuses
    assert_settled(cypher, connected=PAIRS)


def test_accept_racing_withdraw(live_server, cypher):
    people = requested_pairs(live_server, cypher)
    calls = []
    for a, a_token, b, b_token in people:
        calls += [
            accept_call(live_server, a, b_token),
            ("DELETE", f"{live_server}/v1/me/requests/outgoing/{b}", a_token, None),
        ]
    statuses = [response.status_code for response in race(calls)]
    connected = 0
    for i, (a, _, b, _) in enumerate(people):
        accept, withdraw = statuses[2 * i : 2 * i + 2]
        # Exactly one wins; the loser finds nothing left to act on.
        assert (accept, withdraw) in [(201, 404), (404, 204)], (a, b, accept, withdraw)
        pair_connections = cypher(
            "MATCH (:Person {id: $a})-[c:CONNECTED_TO]-(:Person {id: $b}) RETURN count(c) AS n",
            a=a,
            b=b,
        )[0]["n"]
        assert pair_connections == (1 if accept == 201 else 0)
        connected += pair_connections
    assert_settled(cypher, connected=connected)


def test_many_people_ask_one_person_at_once(live_server, cypher):
    star = create_person(cypher, "star")
    senders = [(f"s{i}", create_person(cypher, f"s{i}")) for i in range(30)]
    # The star also invites a few of them at the same moment: those pairs connect instead.
    calls = [
        ("POST", f"{live_server}/v1/me/requests", token, {"to": "star"}) for _, token in senders
    ]
    calls += [
        ("POST", f"{live_server}/v1/me/requests", star, {"to": sid}) for sid, _ in senders[:5]
    ]
    statuses = [response.status_code for response in race(calls)]
    assert statuses[:30].count(201) + statuses[:30].count(200) == 30
    for i in range(5):
        assert sorted([statuses[i], statuses[30 + i]]) == [200, 201], statuses
    assert count(cypher, "CONNECTED_TO") == 5
    assert count(cypher, "REQUESTED") == 25
    incoming = requests.get(
        f"{live_server}/v1/me/requests/incoming?limit=100", headers=auth(star), timeout=30
    )
    assert len(incoming.json()["items"]) == 25

    # ... and accepts them all at once.
    responses = race([accept_call(live_server, sid, star) for sid, _ in senders[5:]])
    assert [response.status_code for response in responses] == [201] * 25
    assert_settled(cypher, connected=30)


def test_block_racing_accept_and_sends(live_server, cypher):
    people = requested_pairs(live_server, cypher)
    calls = []
    for a, a_token, b, b_token in people:
        calls += [
            accept_call(live_server, a, b_token),
            ("PUT", f"{live_server}/v1/me/blocks/{b}", a_token, None),
            ("POST", f"{live_server}/v1/me/requests", b_token, {"to": a}),
        ]
    race(calls)
    # Whatever the order, the block came last or first: nothing stands beside it.
    assert cypher(
        "MATCH (a:Person)-[:BLOCKED]-(b:Person) "
        "WHERE EXISTS { (a)-[:CONNECTED_TO|REQUESTED]-(b) } RETURN count(*) AS n"
    ) == [{"n": 0}]
    assert count(cypher, "BLOCKED") == PAIRS
    assert_invariants(cypher)


def test_endorsements_and_recommendations_racing_a_block_do_not_survive_it(live_server, cypher):
    """b blocks a while a endorses b's skills and writes b a recommendation, and while b asks
    a for one: whichever runs first, nothing of a's or b's for the other outlives the block."""
    skills = [f"skill{k}" for k in range(4)]
    people = pairs(cypher)
    cypher("MATCH (b:Person) WHERE b.id STARTS WITH 'b' SET b.skills = $skills", skills=skills)
    text = {"relationship": "worked_together", "text": "A careful colleague, every single day."}
    calls = []
    for a, a_token, b, b_token in people:
        connect(cypher, a, b)
        calls += [
            ("PUT", f"{live_server}/v1/people/{b}/skills/{skill}/endorsement", a_token, None)
            for skill in skills
        ]
        calls += [
            ("POST", f"{live_server}/v1/people/{b}/recommendations", a_token, text),
            ("POST", f"{live_server}/v1/people/{a}/recommendation-requests", b_token, {}),
            ("PUT", f"{live_server}/v1/me/blocks/{a}", b_token, None),
        ]
    race(calls)
    assert count(cypher, "ENDORSED") == 0
    assert cypher("MATCH (r:Recommendation) RETURN count(r) AS n") == [{"n": 0}]
    assert count(cypher, "BLOCKED") == PAIRS
