"""Authorization matrix: every endpoint that changes or reveals something, called with no
token, bad tokens and another person's token. Refused calls leave the graph unchanged."""

from __future__ import annotations

import base64
import secrets

import pytest

from tests.support.auth import AuthActions
from tests.support.graph import connect, create_person, graph_fingerprint

# method, path, JSON body: valid calls, so that only the credentials are wrong.
ENDPOINTS = [
    ("GET", "/v1/me", None),
    ("PATCH", "/v1/me", {"headline": "Taken over"}),
    ("DELETE", "/v1/me", {"confirm": "bob"}),
    ("GET", "/v1/people", None),
    ("GET", "/v1/people/bob", None),
    ("GET", "/v1/people/bob/connections", None),
    ("POST", "/v1/me/requests", {"to": "bob"}),
    ("GET", "/v1/me/requests/incoming", None),
    ("GET", "/v1/me/requests/outgoing", None),
    ("POST", "/v1/me/requests/incoming/ann/accept", None),
    ("POST", "/v1/me/requests/incoming/ann/ignore", {"reason": "dont_know"}),
    ("DELETE", "/v1/me/requests/outgoing/bob", None),
    ("GET", "/v1/me/connections", None),
    ("DELETE", "/v1/me/connections/cat", None),
    ("PUT", "/v1/me/connections/cat/closeness", {"closeness": "close"}),
    ("GET", "/v1/me/blocks", None),
    ("PUT", "/v1/me/blocks/cat", None),
    ("DELETE", "/v1/me/blocks/dan", None),
    ("POST", "/v1/admin/people/bob/tokens", None),
]

BAD_CREDENTIALS = {
    "no header": None,
    "empty bearer": "Bearer ",
    "garbage bearer": "Bearer not-a-token",
    "unknown well-formed token": "Bearer " + secrets.token_urlsafe(32),
    "basic scheme": "Basic " + base64.b64encode(b"bob:secret").decode(),
    "token without scheme": "TOKEN-WITHOUT-SCHEME",
}


@pytest.fixture
def people(cypher, client):
    """bob (private connections) is connected to cat and rated her; ann asked bob; bob
    blocked dan; eve is an outsider. Returns them, to act as (``AuthActions``)."""
    tokens = {pid: create_person(cypher, pid) for pid in ("ann", "bob", "cat", "dan", "eve")}
    cypher("MATCH (b:Person {id: 'bob'}) SET b.connections_visibility = 'private'")
    connect(cypher, "bob", "cat")
    cypher(
        "MATCH (a:Person {id: 'ann'}), (b:Person {id: 'bob'}), (c:Person {id: 'cat'}), (d:Person {id: 'dan'}) "
        "CREATE (a)-[:REQUESTED {state: 'pending', pair: 'ann|bob', created_at: datetime()}]->(b), "
        "(b)-[:CLOSENESS {level: 'close'}]->(c), (b)-[:BLOCKED {at: datetime()}]->(d)"
    )
    return AuthActions(client, tokens)


@pytest.mark.parametrize("credentials", BAD_CREDENTIALS.values(), ids=BAD_CREDENTIALS.keys())
@pytest.mark.parametrize("method, path, body", ENDPOINTS, ids=[f"{m} {p}" for m, p, _ in ENDPOINTS])
def test_without_a_valid_token_it_is_401_and_nothing_changes(
    client, cypher, people, credentials, method, path, body
):
    before = graph_fingerprint(cypher)
    headers = {"Authorization": credentials} if credentials else {}
    response = client.open(path, method=method, headers=headers, json=body)
    assert response.status_code == 401, response.json
    assert response.mimetype == "application/problem+json"
    assert graph_fingerprint(cypher) == before


# Eve, with her own valid token, reaching for what is not hers: (method, path, body, status,
# what she may see in a list).
EVE_REACHES = [
    ("POST", "/v1/me/requests/incoming/ann/accept", None, 404),  # ann asked bob, not eve
    ("POST", "/v1/me/requests/incoming/ann/ignore", {}, 404),
    ("DELETE", "/v1/me/requests/outgoing/bob", None, 404),  # ann's request, not eve's
    ("DELETE", "/v1/me/connections/cat", None, 404),  # bob's connection
    ("PUT", "/v1/me/connections/cat/closeness", {"closeness": "acquaintance"}, 404),
    ("DELETE", "/v1/me/blocks/dan", None, 404),  # bob's block
    ("POST", "/v1/admin/people/bob/tokens", None, 401),  # a person is not the admin
]


@pytest.mark.parametrize(
    "method, path, body, status", EVE_REACHES, ids=[f"{m} {p}" for m, p, _, _ in EVE_REACHES]
)
def test_another_persons_token_cannot_act_on_what_is_not_theirs(
    cypher, people, method, path, body, status
):
    before = graph_fingerprint(cypher)
    response = people.open("eve", method, path, json=body)
    assert response.status_code == status, response.json
    assert response.mimetype == "application/problem+json"
    assert graph_fingerprint(cypher) == before


@pytest.mark.parametrize(
    "path",
    [
        "/v1/me/requests/incoming",
        "/v1/me/requests/outgoing",
        "/v1/me/connections",
        "/v1/me/blocks",
        "/v1/people/bob/connections",
    ],
)
def test_another_persons_token_sees_none_of_their_lists(people, path):
    response = people.get("eve", path)
    assert response.status_code == 200
    assert response.json["items"] == []


def test_what_the_owner_sees_is_there(people):
    """The counterpart of the two tests above: the same calls work for their owners."""
    assert [
        i["person"]["id"] for i in people.get("bob", "/v1/me/requests/incoming").json["items"]
    ] == ["ann"]
    assert [i["person"]["id"] for i in people.get("bob", "/v1/me/connections").json["items"]] == [
        "cat"
    ]
    assert people.get("cat", "/v1/people/bob/connections").json["items"] == []  # private
    assert (
        people.put("bob", "/v1/me/connections/cat/closeness", {"closeness": "known"}).status_code
        == 200
    )
    assert people.delete("bob", "/v1/me/blocks/dan").status_code == 204
    assert people.post("bob", "/v1/me/requests/incoming/ann/accept").status_code == 201


def test_a_blocked_person_learns_nothing(people):
    assert people.get("dan", "/v1/people/bob").status_code == 404
    assert people.get("dan", "/v1/people/bob/connections").status_code == 404
    assert people.post("dan", "/v1/me/requests", {"to": "bob"}).status_code == 404
    assert (
        people.get("dan", "/v1/people/nobody").json["detail"]
        == people.get("dan", "/v1/people/bob").json["detail"]
    )  # indistinguishable from absence


def test_me_endpoints_act_only_on_the_callers_own_data(cypher, people):
    bob_before = cypher("MATCH (b:Person {id: 'bob'}) RETURN properties(b) AS p")
    assert people.patch("eve", "/v1/me", {"headline": "Mine"}).status_code == 200
    assert people.delete("eve", "/v1/me", json={"confirm": "eve"}).status_code == 204
    assert cypher("MATCH (b:Person {id: 'bob'}) RETURN properties(b) AS p") == bob_before
    assert cypher("MATCH (p:Person) RETURN count(p) AS n") == [{"n": 4}]
