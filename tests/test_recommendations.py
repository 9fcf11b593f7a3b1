"""Recommendations and endorsements over HTTP, against the real graph."""

from __future__ import annotations

import pytest

from tests.support.graph import auth, connect, create_person, graph_fingerprint

TEXT = "Ada coached our whole team through a re-org; calm, precise, generous."


@pytest.fixture
def people(cypher):
    """ada and bob are connected; cyd is connected to ada only; eve knows nobody."""
    tokens = {
        pid: create_person(cypher, pid, name=pid.title(), skills=["Python", "Coaching"])
        for pid in ("ada", "bob", "cyd", "eve")
    }
    connect(cypher, "ada", "bob")
    connect(cypher, "ada", "cyd")
    return tokens


def write(client, tokens, author, subject, **body):
    body = {"relationship": "coach", "text": TEXT, **body}
    return client.post(
        f"/v1/people/{subject}/recommendations", json=body, headers=auth(tokens[author])
    )


def act(client, tokens, who, rec_id, action, **body):
    return client.post(
        f"/v1/me/recommendations/{rec_id}/{action}", json=body or None, headers=auth(tokens[who])
    )


def visible(client, tokens, viewer, subject):
    response = client.get(f"/v1/people/{subject}/recommendations", headers=auth(tokens[viewer]))
    assert response.status_code == 200
    return [item["id"] for item in response.json["items"]]


def test_written_pending_accepted_hidden_shown(client, people):
    created = write(client, people, "ada", "bob")
    assert created.status_code == 201, created.json
    rec = created.json
    assert (
        rec["state"] == "pending" and rec["author"]["id"] == "ada" and rec["subject"]["id"] == "bob"
    )
    assert visible(client, people, "cyd", "bob") == []  # pending is not public

    received = client.get("/v1/me/recommendations?state=pending", headers=auth(people["bob"])).json
    assert [r["id"] for r in received["items"]] == [rec["id"]]
    given = client.get("/v1/me/recommendations?role=given", headers=auth(people["ada"])).json
    assert [r["id"] for r in given["items"]] == [rec["id"]]

    assert act(client, people, "bob", rec["id"], "accept").json["state"] == "accepted"
    assert visible(client, people, "cyd", "bob") == [rec["id"]]
    assert act(client, people, "bob", rec["id"], "hide").json["state"] == "hidden"
    assert visible(client, people, "cyd", "bob") == []
    assert act(client, people, "bob", rec["id"], "show").json["state"] == "accepted"
    assert visible(client, people, "eve", "bob") == [rec["id"]]


def test_asked_for_then_fulfilled_by_writing(client, people):
    asked = client.post(
        "/v1/people/ada/recommendation-requests",
        json={"message": "Would you?"},
        headers=auth(people["bob"]),
    )
    assert asked.status_code == 201, asked.json
    assert asked.json["state"] == "requested" and asked.json["author"]["id"] == "ada"
    # Writing for someone who asked fulfils their request instead of making a second one.
    written = write(client, people, "ada", "bob")
    assert written.status_code == 201
    assert written.json["id"] == asked.json["id"] and written.json["state"] == "pending"


def test_fulfil_endpoint_and_declines_free_the_slot(client, people):
    asked = client.post(
        "/v1/people/ada/recommendation-requests", json={}, headers=auth(people["bob"])
    ).json
    fulfilled = act(client, people, "ada", asked["id"], "fulfil", relationship="client", text=TEXT)
    assert fulfilled.status_code == 200, fulfilled.json
    assert fulfilled.json["state"] == "pending" and fulfilled.json["relationship"] == "client"
    assert act(client, people, "bob", asked["id"], "decline").json["state"] == "declined"
    # Declined: the author may write a new one.
    assert write(client, people, "ada", "bob").status_code == 201

    again = client.post(
        "/v1/people/cyd/recommendation-requests", json={}, headers=auth(people["ada"])
    ).json
    assert act(client, people, "cyd", again["id"], "decline").json["state"] == "declined"


@pytest.mark.parametrize(
    "author, subject, body, status, field",
    [
        ("ada", "ada", {}, 422, "person_id"),  # self
        ("eve", "ada", {}, 422, "person_id"),  # not connected
        ("ada", "nobody", {}, 404, None),  # unknown person
        ("ada", "bob", {"text": "x" * 3001}, 422, "text"),  # over-long text
        ("ada", "bob", {"relationship": "best_friend"}, 422, "relationship"),
        ("ada", "bob", {"text": ""}, 422, "text"),
        ("ada", "bob", {"stars": 5}, 422, "stars"),  # unknown field
    ],
)
def test_refusals_leave_the_graph_unchanged(
    client, cypher, people, author, subject, body, status, field
):
    before = graph_fingerprint(cypher)
    response = write(client, people, author, subject, **body)
    assert response.status_code == status, response.json
    assert response.mimetype == "application/problem+json"
    if field:
        assert field in response.json["errors"]
    assert graph_fingerprint(cypher) == before


def test_duplicate_and_blocked_and_unauthenticated(client, cypher, people):
    assert write(client, people, "ada", "bob").status_code == 201
    before = graph_fingerprint(cypher)
    assert write(client, people, "ada", "bob").status_code == 409
    cypher(
        "MATCH (a:Person {id: 'ada'}), (c:Person {id: 'cyd'}) CREATE (c)-[:BLOCKED {at: datetime()}]->(a)"
    )
    before = graph_fingerprint(cypher)
    assert write(client, people, "ada", "cyd").status_code == 404  # blocked reads as unknown
    assert (
        client.post(
            "/v1/people/bob/recommendations", json={"relationship": "coach", "text": TEXT}
        ).status_code
        == 401
    )
    assert graph_fingerprint(cypher) == before


def test_wrong_person_acting(client, cypher, people):
    rec = write(client, people, "ada", "bob").json
    before = graph_fingerprint(cypher)
    assert act(client, people, "ada", rec["id"], "accept").status_code == 403  # author, not subject
    assert act(client, people, "cyd", rec["id"], "accept").status_code == 404  # not a party
    assert (
        client.get(f"/v1/me/recommendations/{rec['id']}", headers=auth(people["cyd"])).status_code
        == 404
    )
    assert act(client, people, "bob", rec["id"], "hide").status_code == 409  # not accepted yet
    assert act(client, people, "bob", "no-such-id", "accept").status_code == 404
    assert graph_fingerprint(cypher) == before


def test_endorsements_one_per_skill_per_endorser_known_first(client, cypher, people):
    connect(cypher, "bob", "cyd")
    create_person(cypher, "dan", name="Dan")
    connect(cypher, "dan", "bob")
    for endorser in ("ada", "cyd"):
        response = client.put(
            "/v1/people/bob/skills/Python/endorsement", headers=auth(people[endorser])
        )
        assert response.status_code == 204
    # Twice is once.
    assert (
        client.put(
            "/v1/people/bob/skills/Python/endorsement", headers=auth(people["ada"])
        ).status_code
        == 204
    )
    assert cypher("MATCH ()-[e:ENDORSED]->() RETURN count(e) AS n") == [{"n": 2}]

    summary = client.get("/v1/people/bob/endorsements", headers=auth(people["ada"])).json["items"]
    python = next(s for s in summary if s["skill"] == "Python")
    assert python["count"] == 2 and python["endorsed_by_viewer"] is True
    # ada knows cyd (1st connection), so cyd comes first for ada; ada is not her own connection.
    assert [e["id"] for e in python["sample"]] == ["cyd", "ada"]
    assert python["sample"][0]["known"] is True
    assert next(s for s in summary if s["skill"] == "Coaching")["count"] == 0

    before = graph_fingerprint(cypher)
    assert (
        client.put(
            "/v1/people/bob/skills/Cobol/endorsement", headers=auth(people["ada"])
        ).status_code
        == 404
    )
    assert (
        client.put(
            "/v1/people/bob/skills/Python/endorsement", headers=auth(people["eve"])
        ).status_code
        == 422
    )
    assert (
        client.put(
            "/v1/people/bob/skills/Python/endorsement", headers=auth(people["bob"])
        ).status_code
        == 422
    )
    assert graph_fingerprint(cypher) == before

    assert (
        client.delete(
            "/v1/people/bob/skills/Python/endorsement", headers=auth(people["ada"])
        ).status_code
        == 204
    )
    assert cypher("MATCH ()-[e:ENDORSED]->() RETURN count(e) AS n") == [{"n": 1}]


def test_my_recommendations_paginate_newest_first(client, people, clock, cypher):
    for pid in ("p1", "p2", "p3"):
        people[pid] = create_person(cypher, pid)
        connect(cypher, pid, "bob")
    ids = []
    for pid in ("ada", "p1", "p2", "p3"):
        clock.advance(minutes=1)
        ids.append(write(client, people, pid, "bob").json["id"])
    first = client.get("/v1/me/recommendations?limit=3", headers=auth(people["bob"])).json
    assert [r["id"] for r in first["items"]] == ids[::-1][:3]
    rest = client.get(
        f"/v1/me/recommendations?limit=3&cursor={first['next_cursor']}", headers=auth(people["bob"])
    ).json
    assert [r["id"] for r in rest["items"]] == [ids[0]] and rest["next_cursor"] is None
    assert (
        client.get("/v1/me/recommendations?cursor=garbage", headers=auth(people["bob"])).status_code
        == 422
    )


def test_profile_shows_visible_recommendations_and_endorsements(client, people):
    rec = write(client, people, "ada", "bob").json
    profile = client.get("/v1/people/bob", headers=auth(people["cyd"])).json
    assert profile["recommendation_count"] == 0  # pending is not shown
    act(client, people, "bob", rec["id"], "accept")
    client.put("/v1/people/bob/skills/Python/endorsement", headers=auth(people["ada"]))
    profile = client.get("/v1/people/bob", headers=auth(people["cyd"])).json
    assert profile["recommendation_count"] == 1
    python = next(s for s in profile["endorsements"] if s["skill"] == "Python")
    assert python["count"] == 1 and python["sample"] == [
        {"id": "ada", "name": "Ada", "known": True}
    ]


def test_removing_the_connection_keeps_accepted_recommendations(client, cypher, people):
    rec = write(client, people, "ada", "bob").json
    act(client, people, "bob", rec["id"], "accept")
    assert client.delete("/v1/me/connections/ada", headers=auth(people["bob"])).status_code == 204
    assert visible(client, people, "cyd", "bob") == [rec["id"]]


def test_blocking_removes_recommendations_and_endorsements_both_ways(client, cypher, people):
    for author, subject in (("ada", "bob"), ("bob", "ada")):
        rec = write(client, people, author, subject).json
        act(client, people, subject, rec["id"], "accept")
    kept = write(client, people, "cyd", "ada").json  # a third party's stays
    client.put("/v1/people/bob/skills/Python/endorsement", headers=auth(people["ada"]))
    client.put("/v1/people/ada/skills/Python/endorsement", headers=auth(people["bob"]))
    assert client.put("/v1/me/blocks/bob", headers=auth(people["ada"])).status_code in (200, 204)
    assert cypher("MATCH (r:Recommendation) RETURN collect(r.id) AS ids") == [{"ids": [kept["id"]]}]
    assert cypher("MATCH ()-[e:ENDORSED]->() RETURN count(e) AS n") == [{"n": 0}]


def test_deleting_an_account_removes_its_recommendations_only(client, cypher, people):
    mine = write(client, people, "ada", "bob").json
    theirs = write(client, people, "ada", "cyd").json
    connect(cypher, "bob", "cyd")
    other = write(client, people, "bob", "cyd").json
    assert (
        client.delete("/v1/me", json={"confirm": "ada"}, headers=auth(people["ada"])).status_code
        == 204
    )
    remaining = cypher("MATCH (r:Recommendation) RETURN collect(r.id) AS ids")[0]["ids"]
    assert (
        remaining == [other["id"]] and mine["id"] not in remaining and theirs["id"] not in remaining
    )
