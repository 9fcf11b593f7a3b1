"""Racing requests against gunicorn (several workers and threads): each state change is a
compare-and-set in one transaction, so racing forwards or accepts give one transition and
one connection; racing creations respect the pair rule and the open-request quota."""

from __future__ import annotations

from collections import Counter

import pytest
import requests

from tests.support.graph import auth, connect, create_person
from tests.support.intros import connections
from tests.support.races import race

RACERS = 8


@pytest.fixture
def people(cypher):
    tokens = {
        person_id: create_person(cypher, person_id, name=person_id.title())
        for person_id in ("ada", "bob", "bea")
    }
    connect(cypher, "ada", "bob")
    connect(cypher, "bob", "bea")
    return tokens


def statuses(responses) -> Counter:
    return Counter(response.status_code for response in responses)


def _post(live_server, token, path, body=None):
    response = requests.post(live_server + path, json=body, headers=auth(token), timeout=30)
    assert response.status_code in (200, 201), response.text
    return response.json()


def _ask(live_server, people) -> str:
    return _post(
        live_server,
        people["ada"],
        "/v1/intros",
        {"target": "bea", "broker": "bob", "message": "Please introduce us."},
    )["id"]


def test_racing_forwards_give_one_transition(live_server, people, cypher):
    intro_id = _ask(live_server, people)
    url = f"{live_server}/v1/intros/{intro_id}/forward"
    responses = race([("POST", url, people["bob"], {"note": f"note {n}"}) for n in range(RACERS)])
    assert statuses(responses) == {200: 1, 409: RACERS - 1}
    winner = next(r for r in responses if r.status_code == 200).json()
    stored = cypher(
        "MATCH (i:Introduction {id: $id}) RETURN i.state AS state, i.note AS note, i.rev AS rev",
        id=intro_id,
    )
    assert stored == [{"state": "introduced", "note": winner["note"], "rev": 1}]


def test_racing_accepts_give_one_connection(live_server, people, cypher):
    intro_id = _ask(live_server, people)
    _post(
        live_server, people["bob"], f"/v1/intros/{intro_id}/forward", {"note": "Meet each other."}
    )
    url = f"{live_server}/v1/intros/{intro_id}/accept"
    responses = race([("POST", url, people["bea"], None) for _ in range(RACERS)])
    assert statuses(responses) == {200: 1, 409: RACERS - 1}
    assert connections(cypher, "ada", "bea") == 1
    assert cypher("MATCH (i:Introduction) RETURN i.state AS state") == [{"state": "accepted"}]


def test_both_sides_accepting_at_once_connect_them_once(live_server, people, cypher):
    intro_id = _post(
        live_server,
        people["bob"],
        "/v1/intros",
        {"between": ["ada", "bea"], "note": "You two should meet."},
    )["id"]
    url = f"{live_server}/v1/intros/{intro_id}/accept"
    calls = [
        ("POST", url, people[side], None) for side in ("ada", "bea") for _ in range(RACERS // 2)
    ]
    responses = race(calls)
    # One acceptance per side succeeds; the repeats are conflicts.
    assert statuses(responses) == {200: 2, 409: RACERS - 2}
    assert connections(cypher, "ada", "bea") == 1
    assert cypher(
        "MATCH (i:Introduction)-[to:TO]->() RETURN i.state AS state, count(to.accepted_at) AS n"
    ) == [{"state": "accepted", "n": 2}]


def test_accept_racing_withdraw_has_one_winner(live_server, people, cypher):
    intro_id = _ask(live_server, people)
    _post(
        live_server, people["bob"], f"/v1/intros/{intro_id}/forward", {"note": "Meet each other."}
    )
    base = f"{live_server}/v1/intros/{intro_id}"
    accept, withdraw = race(
        [
            ("POST", base + "/accept", people["bea"], None),
            ("POST", base + "/withdraw", people["ada"], None),
        ]
    )
    assert sorted([accept.status_code, withdraw.status_code]) == [200, 409]
    state = cypher("MATCH (i:Introduction) RETURN i.state AS state")[0]["state"]
    assert state == ("accepted" if accept.status_code == 200 else "withdrawn")
    assert connections(cypher, "ada", "bea") == (1 if state == "accepted" else 0)


def test_racing_creations_for_one_pair_give_one_introduction(live_server, people, cypher):
    url = f"{live_server}/v1/intros"
    calls = [
        ("POST", url, people["ada"], {"target": "bea", "broker": "bob", "message": "Ada asks."}),
        ("POST", url, people["bea"], {"target": "ada", "broker": "bob", "message": "Bea asks."}),
        ("POST", url, people["bob"], {"between": ["ada", "bea"], "note": "Bob introduces."}),
    ] * 2
    responses = race(calls)
    assert statuses(responses) == {201: 1, 409: len(calls) - 1}
    assert cypher("MATCH (i:Introduction) RETURN count(i) AS n") == [{"n": 1}]


def test_racing_requests_respect_the_open_request_quota(live_server, people, cypher, settings):
    limit = settings.max_open_intros
    targets = [f"t{n}" for n in range(limit + 3)]
    for target in targets:
        create_person(cypher, target)
        connect(cypher, "bob", target)
    url = f"{live_server}/v1/intros"
    responses = race(
        [
            ("POST", url, people["ada"], {"target": target, "broker": "bob", "message": "Hi"})
            for target in targets
        ]
    )
    assert statuses(responses) == {201: limit, 429: 3}
    assert cypher("MATCH (:Person {id: 'ada'})-[:REQUESTED_INTRO]->(i) RETURN count(i) AS n") == [
        {"n": limit}
    ]
