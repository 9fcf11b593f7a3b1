"""Introductions over HTTP: every path through the state machine, follow-ups, listing,
expiry with the injected clock, and the limits."""

from __future__ import annotations

import uuid
from datetime import datetime

import pytest

from tests.support.graph import connect, graph_fingerprint
from tests.support.intros import asked, connections, forwarded, trio


@pytest.fixture
def people(cypher, client):
    return trio(cypher, client)


def state_of(cypher, intro_id: str) -> str:
    return cypher("MATCH (i:Introduction {id: $id}) RETURN i.state AS state", id=intro_id)[0][
        "state"
    ]


# -- requester-started ---------------------------------------------------------------------


def test_request_forward_accept_connects_the_two_once(people, cypher, clock):
    created = people.ask("ada", "bea", "bob", "I'd love to talk about graph storage with Bea.")
    assert created.status_code == 201, created.json
    intro = created.json
    assert uuid.UUID(intro["id"]).version == 4
    assert intro["kind"] == "requested" and intro["state"] == "requested"
    assert intro["your_role"] == "requester"
    assert intro["broker"]["id"] == "bob"
    assert [(s["person"]["id"], s["role"]) for s in intro["sides"]] == [
        ("ada", "requester"),
        ("bea", "target"),
    ]
    assert intro["message"] == "I'd love to talk about graph storage with Bea."
    assert intro["expires_at"] == "2026-02-04T09:00:00+00:00"  # 30 days after the clock's start

    # The target does not see a request the broker has not forwarded.
    assert people.get("bea", f"/v1/intros/{intro['id']}").status_code == 404
    assert people.get("bob", f"/v1/intros/{intro['id']}").json["your_role"] == "broker"

    clock.advance(hours=5)
    forwarded_ = people.act("bob", intro["id"], "forward", "Ada, meet Bea. Bea, meet Ada.")
    assert forwarded_.status_code == 200, forwarded_.json
    assert forwarded_.json["state"] == "introduced"
    assert forwarded_.json["note"] == "Ada, meet Bea. Bea, meet Ada."
    assert forwarded_.json["introduced_at"] == "2026-01-05T14:00:00+00:00"
    seen_by_target = people.get("bea", f"/v1/intros/{intro['id']}")
    assert seen_by_target.status_code == 200
    assert seen_by_target.json["your_role"] == "target"
    # The requester's message was for the broker: the target reads the broker's note.
    assert seen_by_target.json["message"] is None
    assert seen_by_target.json["note"] == "Ada, meet Bea. Bea, meet Ada."

    clock.advance(days=2)
    accepted = people.act("bea", intro["id"], "accept")
    assert accepted.status_code == 200, accepted.json
    assert accepted.json["state"] == "accepted"
    assert accepted.json["expires_at"] is None
    assert all(side["accepted_at"] for side in accepted.json["sides"])
    assert connections(cypher, "ada", "bea") == 1
    assert (
        cypher(
            "MATCH (:Person {id: 'ada'})-[c:CONNECTED_TO]-(:Person {id: 'bea'}) "
            "RETURN c.pair AS pair"
        )[0]["pair"]
        == "ada|bea"
    )
    assert cypher("MATCH (i:Introduction) RETURN i.open_pair AS open_pair") == [{"open_pair": None}]


def test_accepting_replaces_a_pending_request_between_the_two(people, cypher):
    intro_id = forwarded(people)
    cypher(
        "MATCH (a:Person {id: 'ada'}), (b:Person {id: 'bea'}) "
        "CREATE (a)-[:REQUESTED {created_at: datetime(), state: 'pending', pair: 'ada|bea'}]->(b)"
    )
    assert people.act("bea", intro_id, "accept").status_code == 200
    assert cypher(
        "MATCH (:Person {id: 'ada'})-[r:REQUESTED]-(:Person {id: 'bea'}) RETURN count(r) AS n"
    ) == [{"n": 0}]
    assert connections(cypher, "ada", "bea") == 1


def test_accepting_when_already_connected_meanwhile_adds_no_second_connection(people, cypher):
    intro_id = forwarded(people)
    connect(cypher, "ada", "bea")
    assert people.act("bea", intro_id, "accept").json["state"] == "accepted"
    assert connections(cypher, "ada", "bea") == 1


def test_broker_declines_a_request_the_target_never_sees(people, cypher):
    intro_id = asked(people)
    declined = people.act("bob", intro_id, "decline")
    assert declined.status_code == 200
    assert declined.json["state"] == "declined" and declined.json["ended_by"] == "broker"
    assert people.get("ada", f"/v1/intros/{intro_id}").json["state"] == "declined"
    assert people.get("bea", f"/v1/intros/{intro_id}").status_code == 404
    assert people.get("bea", "/v1/me/intros").json["items"] == []
    assert connections(cypher, "ada", "bea") == 0


def test_target_declines_an_introduction(people, cypher):
    intro_id = forwarded(people)
    declined = people.act("bea", intro_id, "decline")
    assert declined.status_code == 200
    assert declined.json["state"] == "declined" and declined.json["ended_by"] == "target"
    assert connections(cypher, "ada", "bea") == 0


@pytest.mark.parametrize("forward_first", [False, True], ids=["requested", "introduced"])
def test_requester_withdraws_while_open(people, forward_first):
    intro_id = forwarded(people) if forward_first else asked(people)
    withdrawn = people.act("ada", intro_id, "withdraw")
    assert withdrawn.status_code == 200
    assert withdrawn.json["state"] == "withdrawn" and withdrawn.json["ended_by"] == "requester"


def test_a_closed_pair_can_be_asked_again(people):
    intro_id = asked(people)
    assert people.act("bob", intro_id, "decline").status_code == 200
    again = people.ask("ada", "bea", "bob")
    assert again.status_code == 201
    assert again.json["id"] != intro_id


# -- broker-started: double opt-in ---------------------------------------------------------


@pytest.fixture
def brokered(people, cypher):
    """bob introduces two of his connections, ada and bea."""
    response = people.introduce("bob", "ada", "bea", "Ada and Bea, you both love graphs.")
    assert response.status_code == 201, response.json
    return response.json


def test_broker_started_needs_both_acceptances(people, cypher, brokered):
    assert brokered["kind"] == "broker" and brokered["state"] == "introduced"
    assert brokered["your_role"] == "broker" and brokered["message"] is None
    assert brokered["note"] == "Ada and Bea, you both love graphs."
    assert [(s["person"]["id"], s["role"], s["accepted_at"]) for s in brokered["sides"]] == [
        ("ada", "target", None),
        ("bea", "target", None),
    ]
    intro_id = brokered["id"]

    first = people.act("bea", intro_id, "accept")
    assert first.status_code == 200
    assert first.json["state"] == "introduced"
    assert [s["accepted_at"] is not None for s in first.json["sides"]] == [False, True]
    assert connections(cypher, "ada", "bea") == 0
    again = people.act("bea", intro_id, "accept")
    assert again.status_code == 409

    second = people.act("ada", intro_id, "accept")
    assert second.status_code == 200
    assert second.json["state"] == "accepted"
    assert connections(cypher, "ada", "bea") == 1


@pytest.mark.parametrize("decliner", ["ada", "bea"])
def test_either_side_declines_a_broker_started_one(people, cypher, brokered, decliner):
    other = "bea" if decliner == "ada" else "ada"
    assert people.act(other, brokered["id"], "accept").status_code == 200
    declined = people.act(decliner, brokered["id"], "decline")
    assert declined.status_code == 200
    assert declined.json["state"] == "declined" and declined.json["ended_by"] == "target"
    assert connections(cypher, "ada", "bea") == 0


def test_broker_withdraws_a_broker_started_one(people, brokered):
    withdrawn = people.act("bob", brokered["id"], "withdraw")
    assert withdrawn.status_code == 200
    assert withdrawn.json["state"] == "withdrawn" and withdrawn.json["ended_by"] == "broker"


def test_both_sides_see_a_broker_started_one(people, brokered):
    for person_id in ("ada", "bea"):
        assert people.get(person_id, f"/v1/intros/{brokered['id']}").json["your_role"] == "target"


# -- creation refusals -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "body, status, field",
    [
        ({"target": "ada", "broker": "bob", "message": "hi"}, 422, "target"),
        ({"target": "bea", "broker": "ada", "message": "hi"}, 422, "broker"),
        ({"target": "bea", "broker": "bea", "message": "hi"}, 422, "broker"),
        ({"target": "bea", "broker": "bob", "message": "   "}, 422, "message"),
        ({"target": "bea", "broker": "bob", "message": "x" * 2001}, 422, "message"),
        ({"target": "bea", "broker": "bob"}, 422, "message"),
        (
            {"target": "bea", "broker": "bob", "message": "hi", "between": ["bea", "bob"]},
            422,
            "between",
        ),
        ({"target": "bea", "broker": "bob", "message": "hi", "extra": 1}, 422, "extra"),
        ({"between": ["bea"], "note": "hi"}, 422, "between"),
        ({"between": ["bea", "bob"]}, 422, "note"),
        ({"target": "nobody", "broker": "bob", "message": "hi"}, 404, None),
        ({"target": "bea", "broker": "nobody", "message": "hi"}, 404, None),
    ],
)
def test_bad_requests_are_refused_and_change_nothing(people, cypher, body, status, field):
    before = graph_fingerprint(cypher)
    response = people.post("ada", "/v1/intros", body)
    assert response.status_code == status, response.json
    assert response.mimetype == "application/problem+json"
    if field:
        assert field in response.json["errors"]
    assert graph_fingerprint(cypher) == before


def test_broker_must_know_both_right_now(people, cypher):
    people.add(cypher, "cat")
    connect(cypher, "ada", "cat")
    before = graph_fingerprint(cypher)
    response = people.ask("ada", "bea", "cat")
    assert response.status_code == 422
    assert "broker" in response.json["errors"]
    assert graph_fingerprint(cypher) == before


def test_already_connected_is_409(people, cypher):
    connect(cypher, "ada", "bea")
    assert people.ask("ada", "bea", "bob").status_code == 409


def test_opted_out_target_is_422(cypher, client):
    people = trio(cypher, client, bea={"intro_opt_out": True})
    response = people.ask("ada", "bea", "bob")
    assert response.status_code == 422
    assert response.json["errors"] == {"target": ["Bea does not accept introductions."]}
    assert people.introduce("bob", "ada", "bea").status_code == 422


@pytest.mark.parametrize("blocker, blocked", [("bea", "ada"), ("ada", "bea"), ("bob", "ada")])
def test_blocked_people_are_not_found(people, cypher, blocker, blocked):
    cypher(
        "MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:BLOCKED {at: datetime()}]->(b)",
        a=blocker,
        b=blocked,
    )
    before = graph_fingerprint(cypher)
    assert people.ask("ada", "bea", "bob").status_code == 404
    assert graph_fingerprint(cypher) == before


def test_broker_started_refusals(people, cypher):
    people.add(cypher, "cat")
    connect(cypher, "ada", "cat")  # cat is ada's connection, not bob's
    before = graph_fingerprint(cypher)
    assert people.introduce("bob", "ada", "ada").status_code == 422
    assert people.introduce("bob", "bob", "bea").status_code == 422
    assert people.introduce("bob", "ada", "cat").status_code == 422
    assert people.introduce("bob", "ada", "nobody").status_code == 404
    assert graph_fingerprint(cypher) == before
    connect(cypher, "bob", "cat")
    assert people.introduce("bob", "ada", "cat").status_code == 409  # already connected


def test_one_open_introduction_per_pair(people, cypher):
    people.add(cypher, "dan")
    for other in ("ada", "bea"):
        connect(cypher, "dan", other)
    assert people.ask("ada", "bea", "bob").status_code == 201
    before = graph_fingerprint(cypher)
    assert people.ask("ada", "bea", "dan").status_code == 409  # same pair, another broker
    assert people.ask("bea", "ada", "bob").status_code == 409  # the other way round
    assert people.introduce("dan", "ada", "bea").status_code == 409
    assert graph_fingerprint(cypher) == before


# -- limits and expiry ------------------------------------------------------------------------


def test_open_request_limit_is_429_with_retry_after(people, cypher, clock, app):
    limit = app.extensions["mutuals"].settings.max_open_intros
    for n in range(limit + 1):
        people.add(cypher, f"t{n}")
        connect(cypher, "bob", f"t{n}")
    for n in range(limit):
        assert people.ask("ada", f"t{n}", "bob").status_code == 201
        clock.advance(days=1)
    before = graph_fingerprint(cypher)
    refused = people.ask("ada", f"t{limit}", "bob")
    assert refused.status_code == 429
    # The oldest open request (t0, asked limit days ago) expires 30 days after it was made.
    assert int(refused.headers["Retry-After"]) == (30 - limit) * 86400
    assert graph_fingerprint(cypher) == before
    # Someone else's requests do not count against ada.
    assert people.ask("bea", f"t{limit}", "bob").status_code == 201


def test_a_withdrawn_request_frees_a_slot(people, cypher, app):
    limit = app.extensions["mutuals"].settings.max_open_intros
    ids = []
    for n in range(limit + 1):
        people.add(cypher, f"t{n}")
        connect(cypher, "bob", f"t{n}")
    for n in range(limit):
        ids.append(people.ask("ada", f"t{n}", "bob").json["id"])
    assert people.ask("ada", f"t{limit}", "bob").status_code == 429
    assert people.act("ada", ids[0], "withdraw").status_code == 200
    assert people.ask("ada", f"t{limit}", "bob").status_code == 201


def test_expiry_is_computed_at_read_time_and_enforced(people, cypher, clock, app):
    intro_id = asked(people)
    clock.advance(days=29, hours=23)
    assert people.get("ada", f"/v1/intros/{intro_id}").json["state"] == "requested"
    clock.advance(hours=1)
    seen = people.get("ada", f"/v1/intros/{intro_id}").json
    assert seen["state"] == "expired" and seen["expires_at"] is None
    assert state_of(cypher, intro_id) == "requested"  # nothing ran in the background
    assert [i["id"] for i in people.get("bob", "/v1/me/intros", state="expired").json["items"]] == [
        intro_id
    ]
    assert people.get("bob", "/v1/me/intros", state="requested").json["items"] == []
    before = graph_fingerprint(cypher)
    refused = people.act("bob", intro_id, "forward")
    assert refused.status_code == 409
    assert "expired" in refused.json["detail"]
    assert people.act("ada", intro_id, "withdraw").status_code == 409
    assert graph_fingerprint(cypher) == before
    # The pair is free again: a new request stores the old one as expired.
    again = people.ask("ada", "bea", "bob")
    assert again.status_code == 201
    assert state_of(cypher, intro_id) == "expired"


def test_each_action_restarts_the_expiry_clock(people, clock):
    intro_id = asked(people)
    clock.advance(days=20)
    assert people.act("bob", intro_id, "forward").status_code == 200
    clock.advance(days=20)  # 40 days after the request, 20 after the forward
    assert people.get("bea", f"/v1/intros/{intro_id}").json["state"] == "introduced"
    assert people.act("bea", intro_id, "accept").status_code == 200


def test_expiry_follows_the_setting(database, cypher, clock):
    from backend import create_app

    app = create_app({"TESTING": True, "CLOCK": clock, "SETTINGS": {"intro_expiry_days": 2}})
    people = trio(cypher, app.test_client())
    intro_id = asked(people)
    clock.advance(days=2)
    assert people.get("ada", f"/v1/intros/{intro_id}").json["state"] == "expired"
    app.extensions["mutuals"].close()


# -- follow-ups -------------------------------------------------------------------------------


def test_follow_ups_on_an_accepted_introduction(people, clock):
    intro_id = forwarded(people)
    early = people.post("ada", f"/v1/intros/{intro_id}/follow-ups", {"kind": "coffee"})
    assert early.status_code == 409
    assert people.act("bea", intro_id, "accept").status_code == 200

    coffee = people.post(
        "ada",
        f"/v1/intros/{intro_id}/follow-ups",
        {"kind": "coffee", "at": "2026-01-09T08:30:00+01:00", "note": "Oat flat white"},
    )
    assert coffee.status_code == 201, coffee.json
    assert coffee.json["kind"] == "coffee" and coffee.json["recorded_by"] == "ada"
    assert datetime.fromisoformat(coffee.json["at"]) == datetime.fromisoformat(
        "2026-01-09T07:30:00+00:00"
    )
    clock.advance(minutes=1)
    call = people.post("bea", f"/v1/intros/{intro_id}/follow-ups", {"kind": "call"})
    assert call.status_code == 201
    assert call.json["at"] is None and call.json["note"] is None

    listed = people.get("bea", f"/v1/intros/{intro_id}/follow-ups")
    assert [(f["kind"], f["recorded_by"]) for f in listed.json["items"]] == [
        ("call", "bea"),
        ("coffee", "ada"),
    ]
    first = people.get("ada", f"/v1/intros/{intro_id}/follow-ups", limit=1)
    assert [f["kind"] for f in first.json["items"]] == ["call"]
    rest = people.get(
        "ada", f"/v1/intros/{intro_id}/follow-ups", limit=1, cursor=first.json["next_cursor"]
    )
    assert [f["kind"] for f in rest.json["items"]] == ["coffee"] and rest.json[
        "next_cursor"
    ] is None


def test_follow_up_refusals(people, cypher):
    intro_id = forwarded(people)
    assert people.act("bea", intro_id, "accept").status_code == 200
    people.add(cypher, "eve")
    before = graph_fingerprint(cypher)
    path = f"/v1/intros/{intro_id}/follow-ups"
    assert people.post("bob", path, {"kind": "call"}).status_code == 403
    assert people.get("bob", path).status_code == 403
    assert people.post("eve", path, {"kind": "call"}).status_code == 404
    assert people.get("eve", path).status_code == 404
    assert people.post("ada", path, {"kind": "lunch"}).status_code == 422
    assert people.post("ada", path, {"kind": "call", "at": "tomorrow"}).status_code == 422
    assert people.post("ada", path, {"kind": "call", "note": ""}).status_code == 422
    assert (
        people.post("ada", f"/v1/intros/{uuid.uuid4()}/follow-ups", {"kind": "call"}).status_code
        == 404
    )
    assert graph_fingerprint(cypher) == before


# -- listing ----------------------------------------------------------------------------------


def test_my_intros_by_role_and_state_newest_first(people, cypher, clock):
    for person_id in ("cat", "dan"):
        people.add(cypher, person_id)
        connect(cypher, "bob", person_id)
    first = asked(people)  # ada -> bea via bob, requested
    clock.advance(minutes=1)
    second = people.ask("ada", "cat", "bob").json["id"]
    assert people.act("bob", second, "forward").status_code == 200
    clock.advance(minutes=1)
    third = people.ask("dan", "ada", "bob").json["id"]  # ada is the target, not yet forwarded
    clock.advance(minutes=1)
    fourth = people.introduce("bob", "cat", "dan").json["id"]

    def ids(person_id, **query):
        return [i["id"] for i in people.get(person_id, "/v1/me/intros", **query).json["items"]]

    assert ids("bob") == [fourth, third, second, first]
    assert ids("ada") == [second, first]  # third is invisible to ada until forwarded
    assert ids("ada", role="requester") == [second, first]
    assert ids("bob", role="broker", state="requested") == [third, first]
    assert ids("bob", state="introduced,requested") == [fourth, third, second, first]
    assert ids("cat", role="target") == [fourth, second]
    assert ids("dan") == [fourth, third]

    page1 = people.get("bob", "/v1/me/intros", limit=3).json
    assert [i["id"] for i in page1["items"]] == [fourth, third, second]
    page2 = people.get("bob", "/v1/me/intros", limit=3, cursor=page1["next_cursor"]).json
    assert [i["id"] for i in page2["items"]] == [first] and page2["next_cursor"] is None

    assert people.get("bob", "/v1/me/intros", role="boss").status_code == 422
    assert people.get("bob", "/v1/me/intros", state="open").status_code == 422
    assert people.get("bob", "/v1/me/intros", cursor="nonsense").status_code == 422
