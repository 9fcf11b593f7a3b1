"""The inbox: every kind produced by the flow that causes it, once per recipient; the
transactional outbox; blocks, account deletion, pruning; GET and read over HTTP."""

from __future__ import annotations

import dataclasses
import threading

import pytest

from backend.notifications.outbox import notify
from backend.webhooks.worker import sweep
from tests.support.auth import AuthActions
from tests.support.graph import connect, create_person, graph_fingerprint
from tests.support.intros import asked, forwarded, trio


def inbox(people, person_id: str, **query) -> dict:
    response = people.get(person_id, "/v1/me/notifications", **query)
    assert response.status_code == 200, response.json
    return response.json


def kinds(people, person_id: str) -> list[tuple[str, str | None]]:
    """(kind, actor id) of every notification, newest first."""
    return [
        (item["kind"], item["actor"] and item["actor"]["id"])
        for item in inbox(people, person_id, limit=100)["items"]
    ]


def stored(cypher) -> int:
    return cypher("MATCH (n:Notification) RETURN count(n) AS n")[0]["n"]


@pytest.fixture
def people(cypher, client):
    return trio(cypher, client)


# -- every kind, from its real flow ----------------------------------------------------------


def test_a_request_and_its_acceptance(client, cypher):
    people = AuthActions(
        client, {pid: create_person(cypher, pid, name=pid.title()) for pid in ("ada", "bob")}
    )
    sent = people.post("ada", "/v1/me/requests", {"to": "bob", "note": "Hi"})
    assert sent.status_code == 201
    [received] = inbox(people, "bob")["items"]
    assert received["kind"] == "connection.requested"
    assert received["actor"]["id"] == "ada" and received["actor"]["name"] == "Ada"
    assert received["data"] == {"person_id": "ada", "note": "Hi"}
    assert received["read_at"] is None and received["created_at"].startswith("2026-01-05")
    assert kinds(people, "ada") == []

    accepted = people.post("bob", "/v1/me/requests/incoming/ada/accept")
    assert accepted.status_code == 201
    assert kinds(people, "ada") == [("connection.accepted", "bob")]
    assert kinds(people, "bob") == [("connection.requested", "ada")]


def test_asking_back_tells_the_first_asker(client, cypher):
    people = AuthActions(client, {pid: create_person(cypher, pid) for pid in ("ada", "bob")})
    people.post("ada", "/v1/me/requests", {"to": "bob"})
    back = people.post("bob", "/v1/me/requests", {"to": "ada"})
    assert back.status_code == 200  # connected at once
    assert kinds(people, "ada") == [("connection.accepted", "bob")]
    assert kinds(people, "bob") == [("connection.requested", "ada")]


def test_a_requested_introduction_from_ask_to_follow_up(people, clock):
    intro_id = asked(people)
    assert kinds(people, "bob") == [("introduction.requested", "ada")]
    [notice] = inbox(people, "bob")["items"]
    assert notice["data"] == {"introduction_id": intro_id, "target_id": "bea"}
    assert kinds(people, "bea") == []  # not forwarded yet

    clock.advance(minutes=1)
    assert people.act("bob", intro_id, "forward").status_code == 200
    assert kinds(people, "bea") == [("introduction.forwarded", "bob")]

    clock.advance(minutes=1)
    assert people.act("bea", intro_id, "accept").status_code == 200
    for person_id in ("ada", "bob"):
        [latest, *_] = inbox(people, person_id)["items"]
        assert latest["kind"] == "introduction.accepted" and latest["actor"]["id"] == "bea"
        assert latest["data"] == {"introduction_id": intro_id, "state": "accepted"}
    assert kinds(people, "ada") == [("introduction.accepted", "bea")]

    clock.advance(hours=1)
    follow_up = people.post("ada", f"/v1/intros/{intro_id}/follow-ups", {"kind": "coffee"})
    assert follow_up.status_code == 201
    [latest, *_] = inbox(people, "bea")["items"]
    assert latest["kind"] == "introduction.follow_up" and latest["actor"]["id"] == "ada"
    assert latest["data"]["follow_up_id"] == follow_up.json["id"]
    assert latest["data"]["follow_up_kind"] == "coffee"
    assert kinds(people, "bob").count(("introduction.follow_up", "ada")) == 0


def test_a_broker_started_introduction_needs_both(people, clock):
    response = people.introduce("bob", "ada", "bea")
    intro_id = response.json["id"]
    for side in ("ada", "bea"):
        assert kinds(people, side) == [("introduction.forwarded", "bob")]
    clock.advance(minutes=1)
    people.act("ada", intro_id, "accept")
    [first] = inbox(people, "bea")["items"][:1]
    assert first["kind"] == "introduction.accepted" and first["data"]["state"] == "introduced"
    clock.advance(minutes=1)
    people.act("bea", intro_id, "accept")
    [second] = inbox(people, "ada")["items"][:1]
    assert second["kind"] == "introduction.accepted" and second["data"]["state"] == "accepted"
    assert kinds(people, "bob") == [
        ("introduction.accepted", "bea"),
        ("introduction.accepted", "ada"),
    ]


def test_declines_reach_those_who_see_the_introduction(people, clock):
    intro_id = asked(people)
    people.act("bob", intro_id, "decline")
    assert kinds(people, "ada") == [("introduction.declined", "bob")]
    assert kinds(people, "bea") == []  # never forwarded: never seen

    clock.advance(minutes=1)
    intro_id = forwarded(people)
    clock.advance(minutes=1)
    people.act("bea", intro_id, "decline")
    assert kinds(people, "ada")[0] == ("introduction.declined", "bea")
    assert kinds(people, "bob")[0] == ("introduction.declined", "bea")


def test_expiring_and_expired_notices_once_per_party(people, clock, app, database):
    intro_id = forwarded(people)
    before = {pid: len(kinds(people, pid)) for pid in ("ada", "bob", "bea")}

    def sweep_in_app():
        with app.app_context():
            sweep()

    clock.advance(days=26)
    sweep_in_app()
    assert {pid: len(kinds(people, pid)) for pid in before} == before

    clock.advance(days=1, seconds=1)  # 3 days left
    # Sweeps racing each other, as several workers would: one notice each.
    threads = [threading.Thread(target=sweep_in_app) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    sweep_in_app()
    for pid in ("ada", "bob", "bea"):
        notices = [k for k in kinds(people, pid) if k[0] == "introduction.expiring"]
        assert notices == [("introduction.expiring", None)], pid
    [expiring] = inbox(people, "bea")["items"][:1]
    assert expiring["data"]["introduction_id"] == intro_id
    assert expiring["data"]["expires_at"].startswith("2026-02-0")

    clock.advance(days=3)
    sweep_in_app()
    sweep_in_app()
    for pid in ("ada", "bob", "bea"):
        assert kinds(people, pid).count(("introduction.expired", None)) == 1


def test_a_request_the_broker_never_forwarded_expires_unseen_by_the_target(people, clock, app):
    asked(people)
    clock.advance(days=31)
    with app.app_context():
        sweep()
    assert kinds(people, "bea") == []
    assert ("introduction.expired", None) in kinds(people, "bob")
    # Expired at once: no "expiring" notice after the fact.
    assert ("introduction.expiring", None) not in kinds(people, "ada")


def test_recommendations_and_endorsements(client, cypher):
    people = AuthActions(
        client,
        {
            pid: create_person(cypher, pid, name=pid.title(), skills=["Python"])
            for pid in ("ada", "bob")
        },
    )
    connect(cypher, "ada", "bob")
    asked_for = people.post("ada", "/v1/people/bob/recommendation-requests", {})
    assert asked_for.status_code == 201
    [request] = inbox(people, "bob")["items"]
    assert request["kind"] == "recommendation.requested"
    assert request["data"] == {"recommendation_id": asked_for.json["id"]}

    written = people.post(
        "bob", "/v1/people/ada/recommendations", {"relationship": "coach", "text": "Ada ships."}
    )
    assert written.status_code == 201
    assert kinds(people, "ada") == [("recommendation.received", "bob")]

    for _ in range(2):  # endorsing twice is one endorsement, one notification
        endorsed = people.put("bob", "/v1/people/ada/skills/Python/endorsement")
        assert endorsed.status_code == 204
    assert kinds(people, "ada").count(("endorsement.received", "bob")) == 1
    [endorsement] = [
        item for item in inbox(people, "ada")["items"] if item["kind"] == "endorsement.received"
    ]
    assert endorsement["data"] == {"skill": "Python"}


# -- the outbox: one transaction ----------------------------------------------------------------


def test_a_transaction_that_fails_leaves_no_notification(app, cypher):
    db = app.extensions["mutuals"].db
    create_person(cypher, "ada")
    create_person(cypher, "bob")

    def work(tx):
        assert notify(tx, "connection.requested", "bob", "ada", {"person_id": "ada"})
        raise RuntimeError("the event fails after its notification was written")

    with pytest.raises(RuntimeError), app.app_context():
        db.write_tx(work)
    assert stored(cypher) == 0


def test_an_accept_whose_connection_fails_leaves_no_notification(client, cypher):
    people = AuthActions(client, {pid: create_person(cypher, pid) for pid in ("ada", "bob", "zed")})
    people.post("ada", "/v1/me/requests", {"to": "bob"})
    # A stray connection holding ada and bob's pair key: creating theirs breaks the key's
    # uniqueness, after the acceptance notice was written in the same transaction.
    cypher(
        "MATCH (a:Person {id: 'ada'}), (z:Person {id: 'zed'}) "
        "CREATE (a)-[:CONNECTED_TO {since: datetime(), pair: 'ada|bob'}]->(z)"
    )
    before = graph_fingerprint(cypher)
    response = people.post("bob", "/v1/me/requests/incoming/ada/accept")
    assert response.status_code == 409
    assert graph_fingerprint(cypher) == before
    assert kinds(people, "ada") == []


def test_notifications_off_writes_none(client, cypher, app):
    state = app.extensions["mutuals"]
    state.settings = dataclasses.replace(state.settings, notifications=False)
    people = AuthActions(client, {pid: create_person(cypher, pid) for pid in ("ada", "bob")})
    sent = people.post("ada", "/v1/me/requests", {"to": "bob"})
    assert sent.status_code == 201
    assert stored(cypher) == 0


# -- blocks, deletion, pruning ------------------------------------------------------------------


def test_a_block_forgets_what_each_heard_of_the_other(people, app, clock):
    intro_id = forwarded(people)  # bob hears of ada, bea of bob
    clock.advance(minutes=1)
    people.act("bea", intro_id, "decline")  # ada and bob hear of bea
    assert kinds(people, "bob") == [
        ("introduction.declined", "bea"),
        ("introduction.requested", "ada"),
    ]
    assert people.put("bob", "/v1/me/blocks/ada").status_code == 204
    assert kinds(people, "bob") == [("introduction.declined", "bea")]
    assert kinds(people, "ada") == [("introduction.declined", "bea")]
    # Nothing new about ada reaches bob while the block stands, whoever would cause it.
    with app.app_context():
        db = app.extensions["mutuals"].db
        assert not db.write_tx(lambda tx: notify(tx, "connection.requested", "bob", "ada", {}))
    assert kinds(people, "bob") == [("introduction.declined", "bea")]


def webhook(cypher, owner: str) -> None:
    """A webhook made directly (registering one checks its URL: tests/test_webhooks.py)."""
    cypher(
        "MATCH (p:Person {id: $owner}) CREATE (p)-[:HAS_WEBHOOK]->(:Webhook {id: $owner, "
        "url: 'https://hooks.example/' + $owner, kinds: null, secret: 'whsec_c2VjcmV0', "
        "enabled: true, failures: 0, created_at: datetime()})",
        owner=owner,
    )


def deliveries(cypher) -> list[tuple[str, str]]:
    return sorted(
        (row["owner"], row["kind"])
        for row in cypher(
            "MATCH (p:Person)-[:HAS_WEBHOOK]->()-[:DELIVERS]->(d:Delivery) "
            "RETURN p.id AS owner, d.kind AS kind"
        )
    )


def test_a_block_drops_the_pending_deliveries_too(people, cypher):
    webhook(cypher, "bob")
    asked(people)
    assert deliveries(cypher) == [("bob", "introduction.requested")]
    people.put("bob", "/v1/me/blocks/ada")
    assert deliveries(cypher) == []


def test_deleting_an_account_deletes_its_notifications_and_those_naming_it(people, cypher):
    webhook(cypher, "ada")
    webhook(cypher, "bob")
    intro_id = asked(people)
    people.act("bob", intro_id, "decline")  # ada hears of bob
    assert stored(cypher) == 2
    assert deliveries(cypher) == [
        ("ada", "introduction.declined"),
        ("bob", "introduction.requested"),
    ]
    assert people.delete("ada", "/v1/me", json={"confirm": "ada"}).status_code == 204
    assert stored(cypher) == 0
    assert deliveries(cypher) == []
    assert cypher("MATCH (w:Webhook) RETURN w.id AS id") == [{"id": "bob"}]


def test_old_notifications_are_pruned(people, clock, cypher, app):
    people.add(cypher, "cyd")
    assert people.post("cyd", "/v1/me/requests", {"to": "bob"}).status_code == 201
    clock.advance(days=80)
    assert people.post("ada", "/v1/me/requests", {"to": "bea"}).status_code == 201
    clock.advance(days=11)  # the first is 91 days old, the second 11
    with app.app_context():
        sweep()
    assert kinds(people, "bob") == []
    assert kinds(people, "bea") == [("connection.requested", "ada")]


# -- the inbox over HTTP ------------------------------------------------------------------------


@pytest.fixture
def busy(client, cypher, clock):
    """bob has 5 requests, from p0 (oldest) to p4 (newest); the tests act as them."""
    people = AuthActions(client, {"bob": create_person(cypher, "bob")})
    for i in range(5):
        people.add(cypher, f"p{i}", name=f"Person p{i}")
        people.post(f"p{i}", "/v1/me/requests", {"to": "bob"})
        clock.advance(minutes=1)
    return people


def ids_of(body):
    return [item["actor"]["id"] for item in body["items"]]


def test_newest_first_with_a_cursor_and_unread_count(busy):
    first = inbox(busy, "bob", limit=2)
    assert ids_of(first) == ["p4", "p3"] and first["unread_count"] == 5
    second = inbox(busy, "bob", limit=2, cursor=first["next_cursor"])
    third = inbox(busy, "bob", limit=2, cursor=second["next_cursor"])
    assert ids_of(second) == ["p2", "p1"] and ids_of(third) == ["p0"]
    assert third["next_cursor"] is None


def test_mark_read_up_to_one_and_by_ids(busy):
    items = inbox(busy, "bob")["items"]
    by_actor = {item["actor"]["id"]: item["id"] for item in items}
    marked = busy.post("bob", "/v1/me/notifications/read", {"up_to": by_actor["p1"]})
    assert marked.status_code == 200 and marked.json == {"marked": 2, "unread_count": 3}
    assert ids_of(inbox(busy, "bob", unread="true")) == ["p4", "p3", "p2"]
    again = busy.post("bob", "/v1/me/notifications/read", {"ids": [by_actor["p4"], by_actor["p0"]]})
    assert again.json == {"marked": 1, "unread_count": 2}
    body = inbox(busy, "bob")
    assert body["unread_count"] == 2
    assert [item["read_at"] is None for item in body["items"]] == [False, True, True, False, False]


@pytest.mark.parametrize(
    "body, status",
    [
        ({}, 422),
        ({"up_to": "x", "ids": ["y"]}, 422),
        ({"ids": []}, 422),
        ({"ids": "x"}, 422),
        ({"up_to": "no-such"}, 404),
    ],
)
def test_bad_read_requests_are_refused(busy, cypher, body, status):
    before = graph_fingerprint(cypher)
    response = busy.post("bob", "/v1/me/notifications/read", body)
    assert response.status_code == status, response.json
    assert response.content_type == "application/problem+json"
    assert graph_fingerprint(cypher) == before


def test_nobody_reads_or_marks_another_persons_notifications(client, busy, cypher):
    busy.add(cypher, "eve")
    theirs = inbox(busy, "bob")["items"][0]["id"]
    assert inbox(busy, "eve")["items"] == []
    response = busy.post("eve", "/v1/me/notifications/read", {"ids": [theirs]})
    assert response.json["marked"] == 0
    assert inbox(busy, "bob")["unread_count"] == 5
    bad = busy.get("bob", "/v1/me/notifications", cursor="bad")
    assert bad.status_code == 422
    assert client.get("/v1/me/notifications").status_code == 401
