"""Network discovery endpoints on hand-made graphs: filters, pending flags, blocks, 404s,
cursor pagination, paths, counts, suggestions with reasons, dismissals."""

from __future__ import annotations

import pytest

from backend.network import service
from backend.pair_keys import request_key
from tests.support.auth import AuthActions
from tests.support.graph import auth, connect, counts, create_person
from tests.support.pages import ids


def block(cypher, a: str, b: str) -> None:
    cypher(
        "MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:BLOCKED {at: datetime()}]->(b)",
        a=a,
        b=b,
    )


def request(cypher, a: str, b: str, state: str = "pending") -> None:
    cypher(
        "MATCH (a:Person {id: $a}), (b:Person {id: $b}) "
        "CREATE (a)-[:REQUESTED {created_at: datetime(), state: $state, pair: $pair}]->(b)",
        a=a,
        b=b,
        state=state,
        pair=request_key(a, b),
    )


@pytest.fixture
def star(cypher, client):
    """me - f1, f2, f3; c1 knows f1, f2, f3; c2 knows f1, f2; c3 knows f3; d (3rd) knows c3.
    The tests act as me (``AuthActions``)."""
    token = create_person(cypher, "me", location="Berlin", profession="Founder", skills=["Python"])
    for person, props in {
        "f1": {},
        "f2": {},
        "f3": {},
        "c1": {
            "location": "Berlin",
            "industry": "Technology",
            "profession": "Venture Capitalist",
            "skills": ["python", "Go"],
        },
        "c2": {"location": "Paris", "industry": "Technology", "profession": "Founder"},
        "c3": {"location": "Berlin", "industry": "Media", "skills": ["SQL"]},
        "d": {"location": "Berlin", "profession": "Corporate Lawyer"},
    }.items():
        create_person(cypher, person, **props)
    for a, b in [
        ("me", "f1"),
        ("me", "f2"),
        ("me", "f3"),
        ("c1", "f1"),
        ("c1", "f2"),
        ("c1", "f3"),
        ("c2", "f1"),
        ("c2", "f2"),
        ("c3", "f3"),
        ("d", "c3"),
    ]:
        connect(cypher, a, b)
    return AuthActions(client, {"me": token})


# -- auth and 404 -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method, url",
    [
        ("get", "/v1/me/second-degree"),
        ("get", "/v1/me/network"),
        ("get", "/v1/me/suggestions"),
        ("get", "/v1/people/x/mutual"),
        ("get", "/v1/people/x/path"),
        ("post", "/v1/me/suggestions/x/dismiss"),
    ],
)
def test_every_endpoint_needs_a_token(client, method, url):
    for headers in ({}, auth("not-a-token")):
        response = getattr(client, method)(url, headers=headers)
        assert response.status_code == 401
        assert response.mimetype == "application/problem+json"


@pytest.mark.parametrize("direction", ["I blocked them", "they blocked me"])
def test_blocked_or_unknown_people_are_not_found(cypher, star, direction):
    block(cypher, *(("me", "c1") if direction == "I blocked them" else ("c1", "me")))
    for target in ("c1", "nobody"):
        for method, url in [
            ("get", f"/v1/people/{target}/mutual"),
            ("get", f"/v1/people/{target}/path"),
            ("post", f"/v1/me/suggestions/{target}/dismiss"),
        ]:
            response = star.open("me", method.upper(), url)
            assert response.status_code == 404, url
            assert response.mimetype == "application/problem+json"
    assert cypher("MATCH ()-[d:DISMISSED]->() RETURN count(d) AS n")[0]["n"] == 0


def test_mutual_and_dismiss_with_oneself_are_unprocessable(star):
    assert star.get("me", "/v1/people/me/mutual").status_code == 422
    assert star.post("me", "/v1/me/suggestions/me/dismiss").status_code == 422


# -- 2nd connections ----------------------------------------------------------------------------


def test_second_degree_ranked_by_mutuals_with_samples(star):
    response = star.get("me", "/v1/me/second-degree")
    assert [(i["id"], i["mutual_count"]) for i in response.json["items"]] == [
        ("c1", 3),
        ("c2", 2),
        ("c3", 1),
    ]
    first = response.json["items"][0]
    assert first["mutual_sample"] == [
        {"id": "f1", "name": "Person f1"},
        {"id": "f2", "name": "Person f2"},
        {"id": "f3", "name": "Person f3"},
    ]
    assert first["location"] == "Berlin" and first["pending"] is False
    assert response.json["next_cursor"] is None


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"location": "Berlin"}, ["c1", "c3"]),
        ({"industry": "Technology"}, ["c1", "c2"]),
        ({"profession": "Founder"}, ["c2"]),
        ({"skill": "PYTHON"}, ["c1"]),
        ({"location": "Berlin", "industry": "Technology"}, ["c1"]),
        ({"location": "Berlin", "skill": "sql"}, ["c3"]),
        ({"location": "Lima"}, []),
        ({"location": ""}, ["c1", "c2", "c3"]),
    ],
)
def test_second_degree_filters_combine(star, query, expected):
    assert ids(star.get("me", "/v1/me/second-degree", **query)) == expected


def test_pending_flag_for_my_requests_pending_or_ignored(cypher, star):
    request(cypher, "me", "c1")
    request(cypher, "me", "c2", state="ignored")  # still looks pending to me, the sender
    request(cypher, "c3", "me")  # their request to me is not mine
    items = star.get("me", "/v1/me/second-degree").json["items"]
    assert {i["id"]: i["pending"] for i in items} == {"c1": True, "c2": True, "c3": False}


def test_blocked_people_neither_appear_nor_count_as_mutuals(cypher, star):
    block(cypher, "c2", "me")
    # A connection that should not exist beside a block still must not leak through.
    block(cypher, "me", "f2")
    items = star.get("me", "/v1/me/second-degree").json["items"]
    assert [(i["id"], i["mutual_count"]) for i in items] == [("c1", 2), ("c3", 1)]
    assert "f2" not in [m["id"] for i in items for m in i["mutual_sample"]]


def test_cursor_pages_are_stable_while_the_graph_changes(cypher, star):
    for n in range(5):  # five more 2nd connections with 1 mutual: ties ordered by id
        create_person(cypher, f"e{n}")
        connect(cypher, f"e{n}", "f1")
    first = star.get("me", "/v1/me/second-degree", limit=3).json
    assert [i["id"] for i in first["items"]] == ["c1", "c2", "c3"]
    # Someone new who sorts before the cursor must not shift the next page.
    create_person(cypher, "a-new")
    for friend in ("f1", "f2", "f3"):
        connect(cypher, "a-new", friend)
    second = star.get("me", "/v1/me/second-degree", limit=3, cursor=first["next_cursor"]).json
    assert [i["id"] for i in second["items"]] == ["e0", "e1", "e2"]
    third = star.get("me", "/v1/me/second-degree", limit=3, cursor=second["next_cursor"]).json
    assert [i["id"] for i in third["items"]] == ["e3", "e4"] and third["next_cursor"] is None


@pytest.mark.parametrize("cursor", ["garbage", "WyJ4IiwieSJd", "WzEsMl0", "W3RydWUsIngiXQ"])
def test_foreign_cursors_are_unprocessable(star, cursor):
    # garbage, ["x","y"], [1,2], [true,"x"]
    response = star.get("me", "/v1/me/second-degree", cursor=cursor)
    assert response.status_code == 422
    assert "cursor" in response.json["errors"]


def test_bad_limits_and_filters_are_unprocessable(star):
    for query in ({"limit": 0}, {"limit": 101}, {"location": "x" * 500}):
        response = star.get("me", "/v1/me/second-degree", **query)
        assert response.status_code == 422, query


# -- mutuals, paths, counts ---------------------------------------------------------------------


def test_mutuals_whatever_their_privacy_in_name_order_with_pages(cypher, star):
    cypher("MATCH (p:Person {id: 'c1'}) SET p.connections_visibility = 'private'")
    cypher("MATCH (p:Person {id: 'f2'}) SET p.name = 'Aaron', p.name_lower = 'aaron'")
    page1 = star.get("me", "/v1/people/c1/mutual", limit=2).json
    assert [i["id"] for i in page1["items"]] == ["f2", "f1"]
    page2 = star.get("me", "/v1/people/c1/mutual", limit=2, cursor=page1["next_cursor"]).json
    assert [i["id"] for i in page2["items"]] == ["f3"] and page2["next_cursor"] is None
    assert ids(star.get("me", "/v1/people/d/mutual")) == []


def test_paths_up_to_three_hops(cypher, star):
    def path(target):
        body = star.get("me", f"/v1/people/{target}/path").json
        return body["degree"], [[step["id"] for step in p] for p in body["paths"]]

    create_person(cypher, "far")
    connect(cypher, "far", "d")
    create_person(cypher, "alone")
    assert path("me") == (0, [["me"]])
    assert path("f1") == (1, [["me", "f1"]])
    assert path("c1") == (2, [["me", "f1", "c1"], ["me", "f2", "c1"], ["me", "f3", "c1"]])
    assert path("d") == (3, [["me", "f3", "c3", "d"]])
    assert path("far") == (None, [])
    assert path("alone") == (None, [])
    assert star.get("me", "/v1/people/far/path").json["paths"] == []


def test_paths_never_pass_through_blocked_people(cypher, star):
    create_person(cypher, "g")
    connect(cypher, "g", "c1")
    connect(cypher, "g", "c2")
    body = star.get("me", "/v1/people/g/path").json
    assert body["degree"] == 3 and len(body["paths"]) == service.MAX_PATHS
    block(cypher, "c1", "me")
    body = star.get("me", "/v1/people/g/path").json
    assert [[s["id"] for s in p] for p in body["paths"]] == [
        ["me", "f1", "c2", "g"],
        ["me", "f2", "c2", "g"],
    ]
    block(cypher, "me", "c2")
    assert star.get("me", "/v1/people/g/path").json == {
        "degree": None,
        "paths": [],
        "as_of": "2026-01-05T09:00:00+00:00",
        "from_view": False,
    }


def test_network_counts_skip_blocked_people(cypher, star):
    assert counts(star.get("me", "/v1/me/network").json) == {
        "first": 3,
        "second": 3,
        "third": 1,
    }
    block(cypher, "me", "c3")  # d was reachable only through c3
    assert counts(star.get("me", "/v1/me/network").json) == {
        "first": 3,
        "second": 2,
        "third": 0,
    }


def test_relations_and_degree_sets_for_the_people_area(app, cypher, star):
    with app.app_context():
        assert service.relation("me", "c1") == {"degree": 2, "mutual_count": 3}
        assert service.relation("me", "f1") == {"degree": 1, "mutual_count": 0}
        assert service.relation("me", "d") == {"degree": 3, "mutual_count": 0}
        assert service.relation("me", "me") == {"degree": 0, "mutual_count": 0}
        assert service.relation("me", "nobody") == {"degree": None, "mutual_count": 0}
        assert set(service.relations("me", ["c1", "c3", "nobody"])) == {"c1", "c3"}
        assert service.ids_at_degrees("me", {1}) == {"f1", "f2", "f3"}
        assert service.ids_at_degrees("me", {2, 3}) == {"c1", "c2", "c3", "d"}
        block(cypher, "c1", "me")
        assert service.relation("me", "c1") == {"degree": None, "mutual_count": 0}
        assert service.ids_at_degrees("me", {2}) == {"c2", "c3"}


# -- suggestions --------------------------------------------------------------------------------


def suggestions(people, person_id: str, **query) -> list[dict]:
    response = people.get(person_id, "/v1/me/suggestions", **query)
    assert response.status_code == 200, response.json
    return response.json["items"]


def test_suggestions_carry_their_reasons(star):
    items = {s["id"]: s for s in suggestions(star, "me")}
    c1 = items["c1"]
    assert {(r["code"], r["text"]) for r in c1["reasons"]} == {
        ("mutual_connections", "3 mutual connections"),
        ("location", "Berlin"),
        ("complementary_profession", "Venture Capitalist"),
        ("skills", "python"),
    }
    assert [m["id"] for m in c1["mutual_sample"]] == ["f1", "f2", "f3"]
    assert {(r["code"], r["text"]) for r in items["c2"]["reasons"]} == {
        ("mutual_connections", "2 mutual connections"),
        ("profession", "Founder"),
    }
    # d is 3 hops away but shares the location and a complementary profession (Founder and
    # Corporate Lawyer): suggested without mutuals.
    assert {(r["code"], r["text"]) for r in items["d"]["reasons"]} == {
        ("location", "Berlin"),
        ("complementary_profession", "Corporate Lawyer"),
    }
    assert items["d"]["mutual_count"] == 0
    assert list(items) == ["c1", "c2", "c3", "d"]
    assert items["c1"]["score"] > items["c2"]["score"] > items["c3"]["score"] > items["d"]["score"]


def test_mutuals_who_know_everyone_weigh_less(cypher, star):
    create_person(cypher, "x")
    create_person(cypher, "y")
    connect(cypher, "x", "f1")  # f1 knows me, c1, c2, x: 4 connections
    connect(cypher, "y", "f3")  # f3 knows me, c1, c3, y: 4 connections
    for n in range(6):  # f1 becomes a hub
        create_person(cypher, f"h{n}")
        connect(cypher, f"h{n}", "f1")
    scores = {s["id"]: s["score"] for s in suggestions(star, "me", limit=100)}
    assert scores["y"] > scores["x"]


def test_suggestions_leave_out_requests_either_way_dismissed_and_blocked(cypher, star):
    request(cypher, "me", "c1", state="ignored")
    request(cypher, "c2", "me")
    block(cypher, "d", "me")
    assert [s["id"] for s in suggestions(star, "me")] == ["c3"]
    assert star.post("me", "/v1/me/suggestions/c3/dismiss").status_code == 204
    assert star.post("me", "/v1/me/suggestions/c3/dismiss").status_code == 204
    assert suggestions(star, "me") == []
    assert (
        cypher(
            "MATCH (:Person {id: 'me'})-[d:DISMISSED]->(:Person {id: 'c3'}) RETURN count(d) AS n"
        )[0]["n"]
        == 1
    )
    # Dismissing hides a suggestion only: c3 is still a 2nd connection.
    assert "c3" in ids(star.get("me", "/v1/me/second-degree"))


def test_a_newcomer_gets_suggestions_from_location_and_profession(cypher, star):
    star.add(cypher, "new", location="Berlin", profession="Venture Capitalist")
    assert [s["id"] for s in suggestions(star, "new")] == ["me", "c1"]


def test_suggestion_pages_follow_the_score_cursor(cypher, star):
    everything = [s["id"] for s in suggestions(star, "me", limit=100)]
    paged, cursor = [], None
    while True:
        query = {"limit": 1, **({"cursor": cursor} if cursor else {})}
        body = star.get("me", "/v1/me/suggestions", **query).json
        paged += [s["id"] for s in body["items"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert paged == everything


def test_network_counts_when_the_2nd_circle_is_dense(client, cypher):
    """2nd connections who all know each other make the 3rd level cheaper backward (from the
    unreached people): the counts are the same either way."""
    people = AuthActions(client, {"me": create_person(cypher, "me")})
    for person in ["f", "d", "b", "e", "z"] + [f"a{n}" for n in range(6)]:
        create_person(cypher, person)
    connect(cypher, "me", "f")
    for n in range(6):
        connect(cypher, "f", f"a{n}")
        for m in range(n):
            connect(cypher, f"a{m}", f"a{n}")
    connect(cypher, "d", "a1")
    connect(cypher, "b", "a2")  # blocked: neither counted nor a way through
    connect(cypher, "e", "b")
    block(cypher, "b", "me")
    assert counts(people.get("me", "/v1/me/network").json) == {
        "first": 1,
        "second": 6,
        "third": 1,
    }


def test_a_2nd_connection_recommended_by_my_connections_ranks_higher(cypher, star):
    """c3 trails c2 on mutuals; two of my connections vouching for c3 lift it above c2, with
    that reason shown. A pending recommendation, or one by a stranger, counts for nothing."""
    create_person(cypher, "stranger")
    for author, state in (
        ("f3", "accepted"),
        ("f1", "accepted"),
        ("f2", "pending"),
        ("stranger", "accepted"),
    ):
        cypher(
            "MATCH (a:Person {id: $a}), (c:Person {id: 'c3'}) "
            "CREATE (a)-[:WROTE]->(:Recommendation {id: $a, pair: $a + '|c3', state: $state, "
            "created_at: datetime()})-[:FOR]->(c)",
            a=author,
            state=state,
        )
    items = {s["id"]: s for s in suggestions(star, "me")}
    assert list(items)[:3] == ["c1", "c3", "c2"]
    assert ("recommended_by_connections", "Recommended by 2 of your connections") in {
        (r["code"], r["text"]) for r in items["c3"]["reasons"]
    }
    assert "recommended_by_connections" not in {r["code"] for r in items["c2"]["reasons"]}
