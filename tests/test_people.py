"""People over HTTP: sign-up, tokens, profiles, PATCH /v1/me and blocked profiles."""

from __future__ import annotations

from backend import create_app
from backend.tokens import hash_token
from tests.support.auth import AuthActions, sign_up
from tests.support.graph import auth, create_person


def test_sign_up_returns_profile_and_a_working_token(client, cypher, clock):
    person, token = sign_up(
        client,
        "Ada Lovelace",
        headline="  Analyst  ",
        location="London",
        skills=["Maths", "maths", "Poetry"],
    )
    assert len(person["id"]) == 32
    assert person == {
        "id": person["id"],
        "name": "Ada Lovelace",
        "headline": "Analyst",
        "location": "London",
        "industry": None,
        "profession": None,
        "skills": ["Maths", "Poetry"],
        "summary": None,
        "training": None,
        "connections_visibility": "connections",
        "intro_opt_out": False,
        "created_at": "2026-01-05T09:00:00+00:00",
    }
    assert len(token) >= 43  # 32 random bytes, url-safe base64
    me = client.get("/v1/me", headers=auth(token))
    assert me.status_code == 200
    # The profile read back also shows work history and what connections say (nothing yet).
    assert me.json == {
        **person,
        "positions": [],
        "education": [],
        "recommendation_count": 0,
        "endorsements": [
            {"skill": skill, "count": 0, "endorsed_by_viewer": False, "sample": []}
            for skill in ("Maths", "Poetry")
        ],
    }
    # Only the hash is stored, and the person is findable by name.
    stored = cypher(
        "MATCH (t:Token)-[:AUTHENTICATES]->(p:Person {id: $id}) "
        "RETURN t.hash AS hash, p.name_lower AS name_lower",
        id=person["id"],
    )
    assert stored == [{"hash": hash_token(token), "name_lower": "ada lovelace"}]


def test_sign_up_twice_gives_two_people(client):
    first, _ = sign_up(client)
    second, _ = sign_up(client)
    assert first["id"] != second["id"]


def test_no_token_and_bad_token_are_401(client):
    assert client.get("/v1/me").status_code == 401
    response = client.get("/v1/me", headers=auth("not-a-token"))
    assert response.status_code == 401
    assert response.mimetype == "application/problem+json"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_patch_me_changes_clears_and_renames(client, cypher):
    ada, token = sign_up(client, headline="Analyst", location="London")
    people = AuthActions(client, {ada["id"]: token})
    response = people.patch(
        ada["id"],
        "/v1/me",
        {
            "name": "Augusta Ada King",
            "location": None,
            "connections_visibility": "private",
            "intro_opt_out": True,
            "skills": ["Engines"],
        },
    )
    assert response.status_code == 200, response.json
    body = response.json
    assert (body["name"], body["headline"], body["location"]) == (
        "Augusta Ada King",
        "Analyst",
        None,
    )
    assert (body["connections_visibility"], body["intro_opt_out"], body["skills"]) == (
        "private",
        True,
        ["Engines"],
    )
    assert cypher(
        "MATCH (p:Person {id: $id}) RETURN p.name_lower AS n, p.location AS l", id=body["id"]
    ) == [{"n": "augusta ada king", "l": None}]


def test_profile_of_another_person_and_404s(client, cypher):
    people = AuthActions(client, {"me": create_person(cypher, "me")})
    create_person(cypher, "other", name="Grace Hopper", profession="Software Engineer")
    response = people.get("me", "/v1/people/other")
    assert response.status_code == 200
    assert response.json["name"] == "Grace Hopper"
    assert response.json["profession"] == "Software Engineer"
    assert response.json["skills"] == []
    assert people.get("me", "/v1/people/nobody").status_code == 404


def test_profile_is_404_when_blocked_either_way(client, cypher):
    people = AuthActions(client)
    for person_id in ("me", "blocker"):
        people.add(cypher, person_id, name=f"Person {person_id}")
    create_person(cypher, "blocked")
    cypher(
        "MATCH (a:Person {id: 'blocker'}), (b:Person {id: 'me'}) CREATE (a)-[:BLOCKED {at: datetime()}]->(b)"
    )
    cypher(
        "MATCH (a:Person {id: 'me'}), (b:Person {id: 'blocked'}) CREATE (a)-[:BLOCKED {at: datetime()}]->(b)"
    )
    assert people.get("me", "/v1/people/blocker").status_code == 404
    assert people.get("blocker", "/v1/people/me").status_code == 404
    assert people.get("me", "/v1/people/blocked").status_code == 404


def test_admin_issues_tokens_for_seeded_people(client, cypher):
    cypher("CREATE (:Person {id: 'seed-1', name: 'Seeded', name_lower: 'seeded'})")
    admin = auth("test-admin-token")
    response = client.post("/v1/admin/people/seed-1/tokens", headers=admin)
    assert response.status_code == 201
    token = response.json["token"]
    assert client.get("/v1/me", headers=auth(token)).json["id"] == "seed-1"
    assert client.post("/v1/admin/people/nobody/tokens", headers=admin).status_code == 404
    assert client.post("/v1/admin/people/seed-1/tokens").status_code == 401
    person_token = create_person(cypher, "p")
    assert (
        client.post("/v1/admin/people/seed-1/tokens", headers=auth(person_token)).status_code == 401
    )


def test_admin_endpoints_are_404_without_an_admin_token(database, cypher):
    cypher("CREATE (:Person {id: 'seed-1', name: 'Seeded', name_lower: 'seeded'})")
    app = create_app({"TESTING": True, "SETTINGS": {"admin_token": None}})
    response = app.test_client().post("/v1/admin/people/seed-1/tokens", headers=auth("anything"))
    assert response.status_code == 404
    assert cypher("MATCH (t:Token) RETURN count(t) AS n") == [{"n": 0}]
    app.extensions["mutuals"].close()
