"""Every forbidden transition is refused (403 wrong role, 404 not a party or not visible,
409 wrong state) and leaves the graph exactly as it was; non-parties learn nothing from ids;
the broker losing a connection before forwarding; blocks ending an introduction."""

from __future__ import annotations

import uuid

import pytest

from backend.pagination import encode_cursor
from tests.support.graph import connect, graph_fingerprint
from tests.support.intros import asked, forwarded, trio

ACTIONS = ("forward", "decline", "accept", "withdraw")


@pytest.fixture
def people(cypher, client):
    people = trio(cypher, client)
    people.add(cypher, "eve")  # connected to nobody: never a party
    return people


def _arrange(people, clock, state: str) -> str:
    if state == "requested":
        return asked(people)
    if state == "introduced":
        return forwarded(people)
    if state == "expired":
        intro_id = asked(people)
        clock.advance(days=30)
        return intro_id
    if state == "declined":  # by the broker: the target never saw it
        intro_id = asked(people)
        assert people.act("bob", intro_id, "decline").status_code == 200
        return intro_id
    intro_id = forwarded(people)
    who, action = {"accepted": ("bea", "accept"), "withdrawn": ("ada", "withdraw")}[state]
    assert people.act(who, intro_id, action).status_code == 200
    return intro_id


def _arrange_brokered(people, state: str) -> str:
    intro_id = people.introduce("bob", "ada", "bea").json["id"]
    if state in ("half_accepted", "accepted"):
        assert people.act("bea", intro_id, "accept").status_code == 200
    if state == "accepted":
        assert people.act("ada", intro_id, "accept").status_code == 200
    return intro_id


def _refused(actor: dict) -> list[tuple[str, str, int]]:
    """{actor: {action: status}} -> [(actor, action, status)], for every action listed."""
    return [
        (who, action, status)
        for who, statuses in actor.items()
        for action, status in statuses.items()
    ]


ALL_404 = dict.fromkeys(ACTIONS, 404)

# Requester-started (ada asks bob for bea): what each party may NOT do, per state. What is
# missing here is allowed, and exercised in test_intros_flow.py.
REQUESTED_REFUSALS = {
    "requested": {
        "ada": {"forward": 403, "decline": 403, "accept": 403},
        "bob": {"accept": 403, "withdraw": 403},
        "bea": ALL_404,
        "eve": ALL_404,
    },
    "introduced": {
        "ada": {"forward": 403, "decline": 403, "accept": 403},
        "bob": {"forward": 409, "decline": 409, "accept": 403, "withdraw": 403},
        "bea": {"forward": 403, "withdraw": 403},
        "eve": ALL_404,
    },
    "accepted": {
        "ada": {"forward": 403, "decline": 403, "accept": 403, "withdraw": 409},
        "bob": {"forward": 409, "decline": 409, "accept": 403, "withdraw": 403},
        "bea": {"forward": 403, "decline": 409, "accept": 409, "withdraw": 403},
        "eve": ALL_404,
    },
    "declined": {
        "ada": {"forward": 403, "decline": 403, "accept": 403, "withdraw": 409},
        "bob": {"forward": 409, "decline": 409, "accept": 403, "withdraw": 403},
        "bea": ALL_404,
        "eve": ALL_404,
    },
    "withdrawn": {
        "ada": {"forward": 403, "decline": 403, "accept": 403, "withdraw": 409},
        "bob": {"forward": 409, "decline": 409, "accept": 403, "withdraw": 403},
        "bea": {"forward": 403, "decline": 409, "accept": 409, "withdraw": 403},
        "eve": ALL_404,
    },
    "expired": {
        "ada": {"forward": 403, "decline": 403, "accept": 403, "withdraw": 409},
        "bob": {"forward": 409, "decline": 409, "accept": 403, "withdraw": 403},
        "bea": ALL_404,
        "eve": ALL_404,
    },
}

# Broker-started (bob introduces ada and bea; both are "target" sides).
BROKERED_REFUSALS = {
    "introduced": {
        "bob": {"forward": 409, "decline": 403, "accept": 403},
        "ada": {"forward": 403, "withdraw": 403},
        "bea": {"forward": 403, "withdraw": 403},
        "eve": ALL_404,
    },
    "half_accepted": {
        "bob": {"forward": 409, "decline": 403, "accept": 403},
        "ada": {"forward": 403, "withdraw": 403},
        "bea": {"forward": 403, "accept": 409, "withdraw": 403},
        "eve": ALL_404,
    },
    "accepted": {
        "bob": {"forward": 409, "decline": 403, "accept": 403, "withdraw": 409},
        "ada": {"forward": 403, "decline": 409, "accept": 409, "withdraw": 403},
        "bea": {"forward": 403, "decline": 409, "accept": 409, "withdraw": 403},
        "eve": ALL_404,
    },
}


def _assert_all_refused(people, cypher, intro_id, refusals):
    before = graph_fingerprint(cypher)
    outcomes = {}
    for who, action, _ in refusals:
        response = people.act(who, intro_id, action)
        assert response.mimetype == "application/problem+json"
        outcomes[(who, action)] = response.status_code
    assert outcomes == {(who, action): status for who, action, status in refusals}
    assert graph_fingerprint(cypher) == before


@pytest.mark.parametrize("state", list(REQUESTED_REFUSALS))
def test_requested_kind_forbidden_transitions(people, cypher, clock, state):
    intro_id = _arrange(people, clock, state)
    _assert_all_refused(people, cypher, intro_id, _refused(REQUESTED_REFUSALS[state]))


@pytest.mark.parametrize("state", list(BROKERED_REFUSALS))
def test_broker_kind_forbidden_transitions(people, cypher, state):
    intro_id = _arrange_brokered(people, state)
    _assert_all_refused(people, cypher, intro_id, _refused(BROKERED_REFUSALS[state]))


def test_unauthenticated_calls_are_401(people, client):
    intro_id = asked(people)
    assert client.get(f"/v1/intros/{intro_id}").status_code == 401
    assert client.post(f"/v1/intros/{intro_id}/withdraw").status_code == 401
    assert (
        client.post(
            "/v1/intros", json={"target": "bea", "broker": "bob", "message": "hi"}
        ).status_code
        == 401
    )


# -- non-parties probing ids -------------------------------------------------------------------


def test_a_non_party_cannot_tell_a_real_id_from_a_made_up_one(people, cypher):
    real = forwarded(people)
    before = graph_fingerprint(cypher)
    for intro_id in (real, str(uuid.uuid4()), "1", "x" * 300):
        probes = [
            people.get("eve", f"/v1/intros/{intro_id}"),
            people.get("eve", f"/v1/intros/{intro_id}/follow-ups"),
            people.post("eve", f"/v1/intros/{intro_id}/follow-ups", {"kind": "call"}),
            *(people.act("eve", intro_id, action) for action in ACTIONS),
        ]
        for response in probes:
            assert response.status_code == 404, (intro_id, response.json)
            assert response.json["detail"] == "No such introduction."
    assert people.get("eve", "/v1/me/intros").json["items"] == []
    assert graph_fingerprint(cypher) == before


def test_ids_are_random_uuid4(people, cypher):
    people.add(cypher, "cat")
    connect(cypher, "bob", "cat")
    ids = {asked(people), people.ask("ada", "cat", "bob").json["id"]}
    assert {uuid.UUID(i).version for i in ids} == {4}


# -- the broker disconnecting between request and forward ---------------------------------------


@pytest.mark.parametrize("lost", ["bea", "ada"])
def test_broker_no_longer_connected_cannot_forward(people, cypher, lost):
    intro_id = asked(people)
    cypher("MATCH (:Person {id: 'bob'})-[c:CONNECTED_TO]-(:Person {id: $lost}) DELETE c", lost=lost)
    before = graph_fingerprint(cypher)
    refused = people.act("bob", intro_id, "forward")
    assert refused.status_code == 409
    assert lost.title() in refused.json["detail"] and "not connected" in refused.json["detail"]
    assert graph_fingerprint(cypher) == before
    # The broker can still decline, and the requester withdraw.
    assert people.act("bob", intro_id, "decline").status_code == 200


def test_forward_is_refused_when_the_two_connected_meanwhile(people, cypher):
    intro_id = asked(people)
    connect(cypher, "ada", "bea")
    before = graph_fingerprint(cypher)
    assert people.act("bob", intro_id, "forward").status_code == 409
    assert graph_fingerprint(cypher) == before


# -- blocks ------------------------------------------------------------------------------------


def _block(cypher, blocker: str, blocked: str) -> None:
    cypher(
        "MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:BLOCKED {at: datetime()}]->(b)",
        a=blocker,
        b=blocked,
    )


def test_a_block_between_two_parties_ends_the_introduction(people, cypher):
    """A BLOCKED relationship however it came about: the blocked parties no longer see the
    introduction, and nobody can move it on."""
    intro_id = forwarded(people)
    _block(cypher, "ada", "bob")
    before = graph_fingerprint(cypher)
    for who in ("ada", "bob"):
        assert people.get(who, f"/v1/intros/{intro_id}").status_code == 404
        assert people.get(who, "/v1/me/intros").json["items"] == []
    assert people.act("ada", intro_id, "withdraw").status_code == 404
    refused = people.act("bea", intro_id, "accept")
    assert refused.status_code == 409
    assert refused.json["detail"] == "This introduction has ended."
    assert graph_fingerprint(cypher) == before


def test_blocking_through_the_api_deletes_the_open_introduction(people, cypher):
    intro_id = forwarded(people)
    assert people.client.put("/v1/me/blocks/bea", headers=people.headers("ada")).status_code in (
        200,
        201,
        204,
    )
    for who in ("ada", "bob", "bea"):
        assert people.get(who, f"/v1/intros/{intro_id}").status_code == 404
    assert people.act("bea", intro_id, "accept").status_code == 404
    assert cypher("MATCH (i:Introduction) RETURN count(i) AS n") == [{"n": 0}]


# -- malformed input ---------------------------------------------------------------------------


def test_malformed_input_is_a_4xx_and_changes_nothing(people, cypher):
    intro_id = forwarded(people)
    before = graph_fingerprint(cypher)
    bodies = [
        [],
        "text",
        7,
        {"target": 1, "broker": "bob", "message": "hi"},
        {"between": [1, 2], "note": "hi"},
        {"between": "ada,bea", "note": "hi"},
        {"target": "bea", "broker": "bob", "message": None},
    ]
    for body in bodies:
        response = people.post("ada", "/v1/intros", body)
        assert response.status_code in (400, 422), (body, response.status_code)
    for body in (
        {},
        {"note": ""},
        {"note": None},
        {"note": "x" * 2001},
        {"note": "hi", "extra": 1},
    ):
        assert people.post("bob", f"/v1/intros/{intro_id}/forward", body).status_code == 422, body
    bad_cursors = [
        "%%%",
        encode_cursor(["yesterday", "x"]),
        encode_cursor(["2026-01-05T09:00:00", "x"]),
        encode_cursor(["2026-01-05T09:00:00+00:00", 5]),
        encode_cursor([1, 2, 3]),
    ]
    for cursor in bad_cursors:
        assert people.get("ada", "/v1/me/intros", cursor=cursor).status_code == 422, cursor
        assert (
            people.get("ada", f"/v1/intros/{intro_id}/follow-ups", cursor=cursor).status_code == 422
        )
    for cursor in bad_cursors + [
        encode_cursor(["high", 1, "x"]),
        encode_cursor([1.5, "many", "x"]),
    ]:
        assert people.get("ada", "/v1/people/bea/brokers", cursor=cursor).status_code == 422, cursor
    for limit in (0, 101, "ten"):
        assert people.get("ada", "/v1/me/intros", limit=limit).status_code == 422
    assert graph_fingerprint(cypher) == before
