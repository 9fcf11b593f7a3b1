"""Recommendations and endorsements over HTTP, against the real graph."""

from __future__ import annotations

import pytest

from tests.support.auth import AuthActions
from tests.support.graph import connect, create_person, graph_fingerprint

TEXT = "Ada coached our whole team through a re-org; calm, precise, generous."


@pytest.fixture
def people(cypher, client):
    """ada and bob are connected; cyd is connected to ada only; eve knows nobody."""
    people = AuthActions(client)
    for person_id in ("ada", "bob", "cyd", "eve"):
        people.add(cypher, person_id, skills=["Python", "Coaching"])
    connect(cypher, "ada", "bob")
    connect(cypher, "ada", "cyd")
    return people


def write(people, author, subject, **body):
    body = {"relationship": "coach", "text": TEXT, **body}
    return people.post(author, f"/v1/people/{subject}/recommendations", body)


def act(people, who, rec_id, action, **body):
    return people.post(who, f"/v1/me/recommendations/{rec_id}/{action}", body or None)


def visible(people, viewer, subject):
    response = people.get(viewer, f"/v1/people/{subject}/recommendations")
    assert response.status_code == 200
    return [item["id"] for item in response.json["items"]]


def test_written_pending_accepted_hidden_shown(people):
    created = write(people, "ada", "bob")
    assert created.status_code == 201, created.json
    rec = created.json
    assert (
        rec["state"] == "pending" and rec["author"]["id"] == "ada" and rec["subject"]["id"] == "bob"
    )
    assert visible(people, "cyd", "bob") == []  # pending is not public

    received = people.get("bob", "/v1/me/recommendations?state=pending").json
    assert [r["id"] for r in received["items"]] == [rec["id"]]
    given = people.get("ada", "/v1/me/recommendations?role=given").json
    assert [r["id"] for r in given["items"]] == [rec["id"]]

    assert act(people, "bob", rec["id"], "accept").json["state"] == "accepted"
    assert visible(people, "cyd", "bob") == [rec["id"]]
    assert act(people, "bob", rec["id"], "hide").json["state"] == "hidden"
    assert visible(people, "cyd", "bob") == []
    assert act(people, "bob", rec["id"], "show").json["state"] == "accepted"
    assert visible(people, "eve", "bob") == [rec["id"]]


def test_asked_for_then_fulfilled_by_writing(people):
    asked = people.post("bob", "/v1/people/ada/recommendation-requests", {"message": "Would you?"})
    assert asked.status_code == 201, asked.json
    assert asked.json["state"] == "requested" and asked.json["author"]["id"] == "ada"
    # Writing for someone who asked fulfils their request instead of making a second one.
    written = write(people, "ada", "bob")
    assert written.status_code == 201
    assert written.json["id"] == asked.json["id"] and written.json["state"] == "pending"


def test_fulfil_endpoint_and_declines_free_the_slot(people):
    asked = people.post("bob", "/v1/people/ada/recommendation-requests", {}).json
    fulfilled = act(people, "ada", asked["id"], "fulfil", relationship="client", text=TEXT)
    assert fulfilled.status_code == 200, fulfilled.json
    assert fulfilled.json["state"] == "pending" and fulfilled.json["relationship"] == "client"
    assert act(people, "bob", asked["id"], "decline").json["state"] == "declined"
    # Declined: the author may write a new one.
    assert write(people, "ada", "bob").status_code == 201

    again = people.post("ada", "/v1/people/cyd/recommendation-requests", {}).json
    assert act(people, "cyd", again["id"], "decline").json["state"] == "declined"


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
def test_refusals_leave_the_graph_unchanged(cypher, people, author, subject, body, status, field):
    before = graph_fingerprint(cypher)
    response = write(people, author, subject, **body)
    assert response.status_code == status, response.json
    assert response.mimetype == "application/problem+json"
    if field:
        assert field in response.json["errors"]
    assert graph_fingerprint(cypher) == before


def test_duplicate_and_blocked_and_unauthenticated(client, cypher, people):
    assert write(people, "ada", "bob").status_code == 201
    before = graph_fingerprint(cypher)
    assert write(people, "ada", "bob").status_code == 409
    cypher(
        "MATCH (a:Person {id: 'ada'}), (c:Person {id: 'cyd'}) CREATE (c)-[:BLOCKED {at: datetime()}]->(a)"
    )
    before = graph_fingerprint(cypher)
    assert write(people, "ada", "cyd").status_code == 404  # blocked reads as unknown
    assert (
        client.post(
            "/v1/people/bob/recommendations", json={"relationship": "coach", "text": TEXT}
        ).status_code
        == 401
    )
    assert graph_fingerprint(cypher) == before


def test_wrong_person_acting(cypher, people):
    rec = write(people, "ada", "bob").json
    before = graph_fingerprint(cypher)
    assert act(people, "ada", rec["id"], "accept").status_code == 403  # author, not subject
    assert act(people, "cyd", rec["id"], "accept").status_code == 404  # not a party
    assert people.get("cyd", f"/v1/me/recommendations/{rec['id']}").status_code == 404
    assert act(people, "bob", rec["id"], "hide").status_code == 409  # not accepted yet
    assert act(people, "bob", "no-such-id", "accept").status_code == 404
    assert graph_fingerprint(cypher) == before


def test_endorsements_one_per_skill_per_endorser_known_first(cypher, people):
    connect(cypher, "bob", "cyd")
    create_person(cypher, "dan", name="Dan")
    connect(cypher, "dan", "bob")
    for endorser in ("ada", "cyd"):
        response = people.put(endorser, "/v1/people/bob/skills/Python/endorsement")
        assert response.status_code == 204
    # Twice is once.
    assert people.put("ada", "/v1/people/bob/skills/Python/endorsement").status_code == 204
    assert cypher("MATCH ()-[e:ENDORSED]->() RETURN count(e) AS n") == [{"n": 2}]

    summary = people.get("ada", "/v1/people/bob/endorsements").json["items"]
    python = next(s for s in summary if s["skill"] == "Python")
    assert python["count"] == 2 and python["endorsed_by_viewer"] is True
    # ada knows cyd (1st connection), so cyd comes first for ada; ada is not her own connection.
    assert [e["id"] for e in python["sample"]] == ["cyd", "ada"]
    assert python["sample"][0]["known"] is True
    assert next(s for s in summary if s["skill"] == "Coaching")["count"] == 0

    before = graph_fingerprint(cypher)
    assert people.put("ada", "/v1/people/bob/skills/Cobol/endorsement").status_code == 404
    assert people.put("eve", "/v1/people/bob/skills/Python/endorsement").status_code == 422
    assert people.put("bob", "/v1/people/bob/skills/Python/endorsement").status_code == 422
    assert graph_fingerprint(cypher) == before

    assert people.delete("ada", "/v1/people/bob/skills/Python/endorsement").status_code == 204
    assert cypher("MATCH ()-[e:ENDORSED]->() RETURN count(e) AS n") == [{"n": 1}]


def test_my_recommendations_paginate_newest_first(people, clock, cypher):
    for pid in ("p1", "p2", "p3"):
        people.add(cypher, pid, name=f"Person {pid}")
        connect(cypher, pid, "bob")
    ids = []
    for pid in ("ada", "p1", "p2", "p3"):
        clock.advance(minutes=1)
        ids.append(write(people, pid, "bob").json["id"])
    first = people.get("bob", "/v1/me/recommendations?limit=3").json
    assert [r["id"] for r in first["items"]] == ids[::-1][:3]
    rest = people.get("bob", f"/v1/me/recommendations?limit=3&cursor={first['next_cursor']}").json
    assert [r["id"] for r in rest["items"]] == [ids[0]] and rest["next_cursor"] is None
    assert people.get("bob", "/v1/me/recommendations?cursor=garbage").status_code == 422


def test_profile_shows_visible_recommendations_and_endorsements(people):
    rec = write(people, "ada", "bob").json
    profile = people.get("cyd", "/v1/people/bob").json
    assert profile["recommendation_count"] == 0  # pending is not shown
    act(people, "bob", rec["id"], "accept")
    people.put("ada", "/v1/people/bob/skills/Python/endorsement")
    profile = people.get("cyd", "/v1/people/bob").json
    assert profile["recommendation_count"] == 1
    python = next(s for s in profile["endorsements"] if s["skill"] == "Python")
    assert python["count"] == 1 and python["sample"] == [
        {"id": "ada", "name": "Ada", "known": True}
    ]


def test_removing_the_connection_keeps_accepted_recommendations(cypher, people):
    rec = write(people, "ada", "bob").json
    act(people, "bob", rec["id"], "accept")
    assert people.delete("bob", "/v1/me/connections/ada").status_code == 204
    assert visible(people, "cyd", "bob") == [rec["id"]]


def test_blocking_removes_recommendations_and_endorsements_both_ways(cypher, people):
    for author, subject in (("ada", "bob"), ("bob", "ada")):
        rec = write(people, author, subject).json
        act(people, subject, rec["id"], "accept")
    kept = write(people, "cyd", "ada").json  # a third party's stays
    people.put("ada", "/v1/people/bob/skills/Python/endorsement")
    people.put("bob", "/v1/people/ada/skills/Python/endorsement")
    assert people.put("ada", "/v1/me/blocks/bob").status_code in (200, 204)
    assert cypher("MATCH (r:Recommendation) RETURN collect(r.id) AS ids") == [{"ids": [kept["id"]]}]
    assert cypher("MATCH ()-[e:ENDORSED]->() RETURN count(e) AS n") == [{"n": 0}]


def test_deleting_an_account_removes_its_recommendations_only(cypher, people):
    mine = write(people, "ada", "bob").json
    theirs = write(people, "ada", "cyd").json
    connect(cypher, "bob", "cyd")
    other = write(people, "bob", "cyd").json
    assert people.delete("ada", "/v1/me", json={"confirm": "ada"}).status_code == 204
    remaining = cypher("MATCH (r:Recommendation) RETURN collect(r.id) AS ids")[0]["ids"]
    assert (
        remaining == [other["id"]] and mine["id"] not in remaining and theirs["id"] not in remaining
    )
