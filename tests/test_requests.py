"""Connection requests over HTTP: the whole lifecycle, silent ignore, re-invite wait, limits."""

from __future__ import annotations

import pytest

from backend import create_app
from tests.support.auth import AuthActions
from tests.support.graph import connect, create_person
from tests.support.pages import ids

WEEK = 7 * 24 * 3600


@pytest.fixture
def people(cypher, client):
    """ann, bob, cat and dan (no connections), to act as."""
    people = AuthActions(client)
    for person_id in ("ann", "bob", "cat", "dan"):
        people.add(cypher, person_id)
    return people


def send(people, person_id: str, to: str, **body):
    return people.post(person_id, "/v1/me/requests", {"to": to, **body})


def relationships(cypher, kind: str) -> list[tuple[str, str]]:
    return sorted(
        (r["a"], r["b"])
        for r in cypher(f"MATCH (a:Person)-[:{kind}]->(b:Person) RETURN a.id AS a, b.id AS b")
    )


def test_send_shows_on_both_sides_then_accept_connects(cypher, people, clock):
    response = send(people, "ann", "bob", note="We met at PyCon")
    assert response.status_code == 201, response.json
    assert response.json == {
        "person": {
            "id": "bob",
            "name": "Bob",
            "headline": None,
            "location": None,
            "industry": None,
            "profession": None,
        },
        "note": "We met at PyCon",
        "created_at": "2026-01-05T09:00:00+00:00",
    }
    assert ids(people.get("ann", "/v1/me/requests/outgoing")) == ["bob"]
    incoming = people.get("bob", "/v1/me/requests/incoming")
    assert ids(incoming) == ["ann"] and incoming.json["items"][0]["note"] == "We met at PyCon"

    clock.advance(hours=1)
    accepted = people.post("bob", "/v1/me/requests/incoming/ann/accept")
    assert accepted.status_code == 201, accepted.json
    assert accepted.json["person"]["id"] == "ann"
    assert accepted.json["since"] == "2026-01-05T10:00:00+00:00"
    assert relationships(cypher, "REQUESTED") == []
    assert len(relationships(cypher, "CONNECTED_TO")) == 1
    assert cypher("MATCH ()-[c:CONNECTED_TO]-() RETURN DISTINCT c.pair AS pair") == [
        {"pair": "ann|bob"}
    ]
    assert ids(people.get("ann", "/v1/me/connections")) == ["bob"]
    assert ids(people.get("bob", "/v1/me/connections")) == ["ann"]
    assert ids(people.get("bob", "/v1/me/requests/incoming")) == []
    assert ids(people.get("ann", "/v1/me/requests/outgoing")) == []
    # Accepting again: the request is gone, the two are connected.
    again = people.post("bob", "/v1/me/requests/incoming/ann/accept")
    assert again.status_code == 409
    assert send(people, "ann", "bob").status_code == 409
    assert send(people, "bob", "ann").status_code == 409


def test_asking_someone_who_asked_you_connects_at_once(cypher, people):
    assert send(people, "ann", "bob").status_code == 201
    response = send(people, "bob", "ann", note="ignored, since we connect")
    assert response.status_code == 200, response.json
    assert response.json["person"]["id"] == "ann"
    assert response.json["closeness"] is None
    assert relationships(cypher, "REQUESTED") == []
    assert len(relationships(cypher, "CONNECTED_TO")) == 1


def test_refusals(cypher, people):
    self_invite = send(people, "ann", "ann")
    assert self_invite.status_code == 422
    assert self_invite.mimetype == "application/problem+json"
    assert "to" in self_invite.json["errors"]
    assert send(people, "ann", "nobody").status_code == 404
    assert send(people, "ann", "bob").status_code == 201
    assert send(people, "ann", "bob").status_code == 409
    connect(cypher, "ann", "cat")
    assert send(people, "cat", "ann").status_code == 409
    # A block either way looks like nobody is there.
    cypher(
        "MATCH (d:Person {id: 'dan'}), (a:Person {id: 'ann'}) CREATE (d)-[:BLOCKED {at: datetime()}]->(a)"
    )
    assert send(people, "ann", "dan").status_code == 404
    assert send(people, "dan", "ann").status_code == 404
    assert relationships(cypher, "REQUESTED") == [("ann", "bob")]


def test_note_is_at_most_300_characters(people):
    too_long = send(people, "ann", "bob", note="x" * 301)
    assert too_long.status_code == 422
    assert "note" in too_long.json["errors"]
    assert send(people, "ann", "bob", note="x" * 300).status_code == 201


def test_ignore_is_silent(cypher, people):
    assert send(people, "ann", "bob").status_code == 201
    ignored = people.post("bob", "/v1/me/requests/incoming/ann/ignore")
    assert ignored.status_code == 204
    # Bob no longer sees it; Ann still sees it pending and cannot tell.
    assert ids(people.get("bob", "/v1/me/requests/incoming")) == []
    outgoing = people.get("ann", "/v1/me/requests/outgoing")
    assert ids(outgoing) == ["bob"] and "state" not in outgoing.json["items"][0]
    assert send(people, "ann", "bob").status_code == 409
    # Gone for Bob: no accepting or ignoring it again.
    assert people.post("bob", "/v1/me/requests/incoming/ann/accept").status_code == 404
    assert people.post("bob", "/v1/me/requests/incoming/ann/ignore").status_code == 404
    # Bob can still change his mind by inviting Ann: they connect.
    assert send(people, "bob", "ann").status_code == 200
    assert relationships(cypher, "REQUESTED") == []


def test_withdraw_then_reinvite_waits_three_weeks(cypher, people, clock):
    assert send(people, "ann", "bob").status_code == 201
    assert people.delete("ann", "/v1/me/requests/outgoing/bob").status_code == 204
    assert ids(people.get("bob", "/v1/me/requests/incoming")) == []
    assert people.delete("ann", "/v1/me/requests/outgoing/bob").status_code == 404

    too_soon = send(people, "ann", "bob")
    assert too_soon.status_code == 429
    assert int(too_soon.headers["Retry-After"]) == 21 * 24 * 3600
    clock.advance(days=20)
    still = send(people, "ann", "bob")
    assert still.status_code == 429 and int(still.headers["Retry-After"]) == 24 * 3600
    # The wait holds Ann's invitations only: Bob may invite her meanwhile.
    assert send(people, "bob", "cat").status_code == 201
    clock.advance(days=1)
    assert send(people, "ann", "bob").status_code == 201
    assert cypher("MATCH ()-[h:INVITE_HOLD]->() RETURN count(h) AS n") == [{"n": 0}]


def test_ignore_as_dont_know_stops_reinvites_for_good(cypher, people, clock):
    assert send(people, "ann", "bob").status_code == 201
    response = people.post("bob", "/v1/me/requests/incoming/ann/ignore", {"reason": "dont_know"})
    assert response.status_code == 204
    # Still silent: Ann sees her request pending.
    assert ids(people.get("ann", "/v1/me/requests/outgoing")) == ["bob"]
    assert send(people, "ann", "bob").status_code == 409
    assert people.delete("ann", "/v1/me/requests/outgoing/bob").status_code == 204
    clock.advance(days=365)
    assert send(people, "ann", "bob").status_code == 403
    # Bob may still invite Ann, and connecting lifts the hold.
    assert send(people, "bob", "ann").status_code == 201
    assert people.post("ann", "/v1/me/requests/incoming/bob/accept").status_code == 201
    assert cypher("MATCH ()-[h:INVITE_HOLD]->() RETURN count(h) AS n") == [{"n": 0}]


def test_unknown_ignore_reason_is_422(people):
    assert send(people, "ann", "bob").status_code == 201
    response = people.post("bob", "/v1/me/requests/incoming/ann/ignore", {"reason": "spam"})
    assert response.status_code == 422 and "reason" in response.json["errors"]
    assert ids(people.get("bob", "/v1/me/requests/incoming")) == ["ann"]


def test_request_lists_page_newest_first(cypher, people, clock):
    for name in ("bob", "cat", "dan"):
        assert send(people, "ann", name).status_code == 201
        clock.advance(minutes=1)
    first = people.get("ann", "/v1/me/requests/outgoing?limit=2")
    assert ids(first) == ["dan", "cat"]
    second = people.get(
        "ann", f"/v1/me/requests/outgoing?limit=2&cursor={first.json['next_cursor']}"
    )
    assert ids(second) == ["bob"] and second.json["next_cursor"] is None


@pytest.fixture
def limited(database, clock):
    """People acting on an app whose invitation limits are small: 3 pending, 4 per rolling
    week."""
    app = create_app(
        {
            "TESTING": True,
            "CLOCK": clock,
            "SETTINGS": {"max_pending_outgoing": 3, "max_requests_per_week": 4},
        }
    )
    yield AuthActions(app.test_client())
    app.extensions["mutuals"].close()


def test_pending_limit_is_429_until_some_are_withdrawn(limited, cypher):
    limited.add(cypher, "ann")
    for i in range(4):
        create_person(cypher, f"p{i}")
    for i in range(3):
        assert send(limited, "ann", f"p{i}").status_code == 201
    over = send(limited, "ann", "p3")
    assert over.status_code == 429
    assert over.mimetype == "application/problem+json"
    assert int(over.headers["Retry-After"]) == 24 * 3600
    assert limited.delete("ann", "/v1/me/requests/outgoing/p0").status_code == 204
    assert send(limited, "ann", "p3").status_code == 201


def test_weekly_limit_is_rolling_and_counts_withdrawn_invitations(limited, cypher, clock):
    limited.add(cypher, "ann")
    for i in range(6):
        create_person(cypher, f"p{i}")
    for i in range(4):
        assert send(limited, "ann", f"p{i}").status_code == 201
        assert limited.delete("ann", f"/v1/me/requests/outgoing/p{i}").status_code == 204
        clock.advance(days=1)
    # Sent on days 0..3; now is day 4: the first leaves the window on day 7.
    over = send(limited, "ann", "p4")
    assert over.status_code == 429
    assert int(over.headers["Retry-After"]) == 3 * 24 * 3600
    clock.advance(days=3)
    assert send(limited, "ann", "p4").status_code == 201
    assert send(limited, "ann", "p5").status_code == 429
    # Accepting a request sent to you uses no quota.
    limited.add(cypher, "bob")
    assert send(limited, "bob", "ann").status_code == 201
    assert send(limited, "ann", "bob").status_code == 200
