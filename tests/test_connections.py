"""1st connections over HTTP: lists and their order, removal, closeness, visibility."""

from __future__ import annotations

import pytest

from tests.support.auth import AuthActions
from tests.support.graph import connect, create_person
from tests.support.pages import all_pages, ids, item_ids


def connect_over_http(people, a, b, clock=None):
    assert people.post(a, "/v1/me/requests", {"to": b}).status_code == 201
    assert people.post(b, f"/v1/me/requests/incoming/{a}/accept").status_code == 201
    if clock:
        clock.advance(minutes=1)


def test_my_connections_page_by_recent_and_by_name(client, cypher, clock):
    names = {"hub": "Hub", "p1": "Zoe", "p2": "adam", "p3": "Mia", "p4": "Ben", "p5": "mia"}
    people = AuthActions(
        client, {pid: create_person(cypher, pid, name=name) for pid, name in names.items()}
    )
    for other in ("p1", "p2", "p3", "p4", "p5"):
        connect_over_http(people, other, "hub", clock)
    assert item_ids(all_pages(people, "hub", "/v1/me/connections", 2)) == [
        "p5",
        "p4",
        "p3",
        "p2",
        "p1",
    ]
    assert item_ids(all_pages(people, "hub", "/v1/me/connections", 2, sort="name")) == [
        "p2",
        "p4",
        "p3",
        "p5",
        "p1",
    ]  # adam, ben, mia (p3), mia (p5), zoe: any case, then id
    first = people.get("hub", "/v1/me/connections?limit=1").json["items"][0]
    assert first == {
        "person": {
            "id": "p5",
            "name": "mia",
            "headline": None,
            "location": None,
            "industry": None,
            "profession": None,
        },
        "since": "2026-01-05T09:04:00+00:00",
        "closeness": None,
    }


def test_seeded_connections_list_too(client, cypher):
    people = AuthActions(client, {"hub": create_person(cypher, "hub")})
    for other in ("a", "b", "c"):
        create_person(cypher, other)
        connect(cypher, "hub", other)
    cypher("MATCH ()-[c:CONNECTED_TO {pair: 'a|hub'}]-() REMOVE c.since")  # some datasets lack it
    assert sorted(item_ids(all_pages(people, "hub", "/v1/me/connections", 1))) == ["a", "b", "c"]


def test_remove_connection_by_either_side(client, cypher):
    people = AuthActions(client, {pid: create_person(cypher, pid) for pid in ("a", "b")})
    connect_over_http(people, "a", "b")
    assert (
        people.put("a", "/v1/me/connections/b/closeness", {"closeness": "close"}).status_code == 200
    )
    assert people.delete("b", "/v1/me/connections/a").status_code == 204
    assert ids(people.get("a", "/v1/me/connections")) == []
    assert cypher("MATCH ()-[r:CONNECTED_TO|CLOSENESS]-() RETURN count(r) AS n") == [{"n": 0}]
    assert people.delete("b", "/v1/me/connections/a").status_code == 404
    # Removed people may ask each other again, at once.
    assert people.post("a", "/v1/me/requests", {"to": "b"}).status_code == 201


def test_closeness_is_private_and_only_for_connections(client, cypher):
    people = AuthActions(client, {pid: create_person(cypher, pid) for pid in ("a", "b", "c")})
    connect_over_http(people, "a", "b")
    response = people.put("a", "/v1/me/connections/b/closeness", {"closeness": "known"})
    assert response.status_code == 200
    assert response.json["closeness"] == "known" and response.json["person"]["id"] == "b"
    assert (
        people.put("a", "/v1/me/connections/b/closeness", {"closeness": "close"}).json["closeness"]
        == "close"
    )
    assert people.get("a", "/v1/me/connections").json["items"][0]["closeness"] == "close"
    # B's own view does not show A's rating of B.
    assert people.get("b", "/v1/me/connections").json["items"][0]["closeness"] is None
    assert cypher("MATCH ()-[k:CLOSENESS]->() RETURN count(k) AS n") == [{"n": 1}]
    assert (
        people.put("a", "/v1/me/connections/c/closeness", {"closeness": "close"}).status_code == 404
    )
    bad = people.put("a", "/v1/me/connections/b/closeness", {"closeness": "bestie"})
    assert bad.status_code == 422 and "closeness" in bad.json["errors"]


@pytest.fixture
def circle(cypher, client):
    """owner is connected to friend, m1, m2 and x; viewer (not connected to owner) knows m1
    and m2; friend is a 1st connection of owner."""
    tokens = {
        pid: create_person(cypher, pid) for pid in ("owner", "friend", "viewer", "m1", "m2", "x")
    }
    for a, b in [
        ("owner", "friend"),
        ("owner", "m1"),
        ("owner", "m2"),
        ("owner", "x"),
        ("viewer", "m1"),
        ("viewer", "m2"),
    ]:
        connect(cypher, a, b)
    return AuthActions(client, tokens)


def test_visibility_connections_lets_1st_connections_see_all(circle):
    path = "/v1/people/owner/connections?sort=name"
    assert ids(circle.get("owner", path)) == ["friend", "m1", "m2", "x"]
    assert ids(circle.get("friend", path)) == ["friend", "m1", "m2", "x"]
    # Not a connection: only what the two share.
    assert ids(circle.get("viewer", path)) == ["m1", "m2"]


def test_visibility_private_shows_only_shared_connections(cypher, circle):
    assert circle.patch("owner", "/v1/me", {"connections_visibility": "private"}).status_code == 200
    path = "/v1/people/owner/connections?sort=name"
    assert ids(circle.get("owner", path)) == ["friend", "m1", "m2", "x"]
    assert ids(circle.get("friend", path)) == []
    assert ids(circle.get("viewer", path)) == ["m1", "m2"]
    connect(cypher, "friend", "x")
    assert ids(circle.get("friend", path)) == ["x"]


def test_blocked_people_vanish_from_connection_lists(cypher, circle):
    cypher(
        "MATCH (a:Person {id: 'm1'}), (b:Person {id: 'friend'}) CREATE (a)-[:BLOCKED {at: datetime()}]->(b)"
    )
    assert ids(circle.get("friend", "/v1/people/owner/connections?sort=name")) == [
        "friend",
        "m2",
        "x",
    ]
    cypher(
        "MATCH (a:Person {id: 'owner'}), (b:Person {id: 'viewer'}) CREATE (a)-[:BLOCKED {at: datetime()}]->(b)"
    )
    assert circle.get("viewer", "/v1/people/owner/connections").status_code == 404
    assert circle.get("viewer", "/v1/people/nobody/connections").status_code == 404
