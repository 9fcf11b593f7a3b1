"""``Mutuals-Bookmark``: write responses carry the bookmark of their transactions; requests that
send it back run with it (on any worker); a value the API did not issue is a 400 naming it."""

from __future__ import annotations

import base64
import json

import pytest

from backend.bookmarks import HEADER, decode, encode
from tests.support.auth import AuthActions
from tests.support.graph import graph_fingerprint
from tests.support.live import LiveClient


@pytest.fixture
def people(cypher, client):
    people = AuthActions(client)
    for person_id in ("ann", "bob"):
        people.add(cypher, person_id)
    return people


def test_a_write_response_carries_a_bookmark_that_reads_accept(people):
    sent = people.post("ann", "/v1/me/requests", {"to": "bob"})
    assert sent.status_code == 201, sent.json
    bookmark = sent.headers[HEADER]
    assert decode(bookmark)  # Neo4j's bookmark values, opaque to the client

    incoming = people.open("bob", "GET", "/v1/me/requests/incoming", headers={HEADER: bookmark})
    assert incoming.status_code == 200, incoming.json
    assert [item["person"]["id"] for item in incoming.json["items"]] == ["ann"]
    assert HEADER not in incoming.headers  # a read wrote nothing

    accepted = people.post("bob", "/v1/me/requests/incoming/ann/accept", headers={HEADER: bookmark})
    assert accepted.status_code == 201, accepted.json
    assert accepted.headers[HEADER] != bookmark  # the newer write's


def test_a_refused_write_carries_no_bookmark(people):
    refused = people.post("ann", "/v1/me/requests", {"to": "nobody"})
    assert refused.status_code == 404
    assert HEADER not in refused.headers


@pytest.mark.parametrize(
    "value",
    [
        "not base64 !",
        base64.urlsafe_b64encode(b"not json").decode(),
        encode(set()),  # an empty list
        base64.urlsafe_b64encode(json.dumps({"a": 1}).encode()).decode(),
        base64.urlsafe_b64encode(json.dumps([1, 2]).encode()).decode(),
        "A" * 5000,
        encode({"FB:not-a-neo4j-bookmark"}),  # our wrapping, but Neo4j cannot parse it
    ],
    ids=["garbage", "not-json", "empty", "object", "numbers", "too-long", "not-neo4j"],
)
def test_a_malformed_bookmark_is_a_400_naming_the_header(cypher, people, value):
    before = graph_fingerprint(cypher)
    for method, path, body in (
        ("GET", "/v1/me/requests/incoming", None),
        ("POST", "/v1/me/requests", {"to": "bob"}),
    ):
        response = people.open("ann", method, path, json=body, headers={HEADER: value})
        assert response.status_code == 400, (method, response.json)
        assert response.content_type == "application/problem+json"
        assert HEADER in response.json["detail"] and HEADER in response.json["errors"]
        assert HEADER not in response.headers
    assert graph_fingerprint(cypher) == before


def test_read_your_write_on_any_worker(live_server, cypher):
    """Many workers and threads: each write's bookmark, sent with the next read, which any
    worker may serve, shows that write."""
    people = AuthActions(LiveClient(live_server))
    for person_id in ("ann", *(f"p{i}" for i in range(12))):
        people.add(cypher, person_id)
    for i in range(12):
        sent = people.post("ann", "/v1/me/requests", {"to": f"p{i}"})
        assert sent.status_code == 201, sent.json
        outgoing = people.get(
            "ann", "/v1/me/requests/outgoing", limit=50, headers={HEADER: sent.headers[HEADER]}
        )
        assert outgoing.status_code == 200, outgoing.json
        assert f"p{i}" in {item["person"]["id"] for item in outgoing.json["items"]}


def test_the_header_is_documented(client):
    spec = client.get("/openapi.json").json
    post = spec["paths"]["/v1/me/requests"]["post"]
    assert HEADER in {p["name"] for p in post["parameters"] if p["in"] == "header"}
    assert HEADER in post["responses"]["201"]["headers"]
    get = spec["paths"]["/v1/me/requests/incoming"]["get"]
    assert HEADER in {p["name"] for p in get["parameters"] if p["in"] == "header"}
    assert "headers" not in get["responses"]["200"]
