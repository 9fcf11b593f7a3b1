"""Data rights over gunicorn: GET /v1/me/export gives everything held about the caller, and
DELETE /v1/me (confirmed with one's own id) leaves no trace of the id in anyone's data."""

from __future__ import annotations

import re
import tracemalloc

import pytest

from backend.people.export import BATCH
from tests.support.auth import AuthActions
from tests.support.graph import auth, connect, create_person
from tests.support.live import LiveClient


@pytest.fixture
def people(live_server, cypher) -> AuthActions:
    """ada asked bob (the broker) for an introduction to bea; a network view of cyd's lists
    ada (as a 2nd connection, and as a mutual in a sample)."""
    people = AuthActions(LiveClient(live_server))
    for person_id in ("ada", "bob", "bea", "cyd"):
        people.add(cypher, person_id)
    connect(cypher, "ada", "bob")
    connect(cypher, "bob", "bea")
    connect(cypher, "bob", "cyd")
    asked = people.post(
        "bea", "/v1/intros", {"target": "ada", "broker": "bob", "message": "Please, Bob."}
    )
    assert asked.status_code == 201, asked.json
    cypher(
        "CREATE (:NetworkView {person_id: 'cyd', part: 'second', version: 0, "
        "computed_at: datetime(), ids: ['ada', 'bea'], samples: ['bob', '', '', 'bob', '', '']})"
    )
    return people


def test_deleting_an_account_asks_for_the_callers_id(people, cypher):
    for body in (None, {}, {"confirm": "bob"}, {"confirm": ""}):
        response = people.delete("ada", "/v1/me", json=body)
        assert response.status_code == 422, response.json
    assert cypher("MATCH (p:Person {id: 'ada'}) RETURN count(p) AS n") == [{"n": 1}]
    confirmed = people.delete("ada", "/v1/me", json={"confirm": "ada"})
    assert confirmed.status_code == 204
    assert cypher("MATCH (p:Person {id: 'ada'}) RETURN count(p) AS n") == [{"n": 0}]


# "ada" as an id (a JSON value, a link, a list entry), not three letters inside a token hash
# or a cursor, which are made of the same characters as ids and would match by chance.
ADA_AS_AN_ID = r"(?<![A-Za-z0-9_-])ada(?![A-Za-z0-9_-])"


def test_a_deleted_id_is_left_in_nobodys_notifications_or_network_views(people, cypher):
    # bob's notification of bea's request names ada as the target.
    assert re.search(ADA_AS_AN_ID, people.get("bob", "/v1/me/notifications").raw.text)
    deleted = people.delete("ada", "/v1/me", json={"confirm": "ada"})
    assert deleted.status_code == 204
    for person_id in ("bob", "bea", "cyd"):
        text = people.get(person_id, "/v1/me/notifications").raw.text
        assert not re.search(ADA_AS_AN_ID, text), text
    left = cypher(
        "MATCH (n) WHERE NOT n:__MutualsMigration AND NOT n:Profession "
        "AND any(k IN keys(n) WHERE any(v IN CASE WHEN n[k] IS :: LIST<ANY> THEN n[k] "
        "ELSE [n[k]] END WHERE toString(v) =~ ('(?s).*' + $id + '.*'))) "
        "RETURN labels(n) AS labels, properties(n) AS props",
        id=ADA_AS_AN_ID,
    )
    assert left == []


def _export(people, person_id: str):
    response = people.get(person_id, "/v1/me/export")
    assert response.status_code == 200, response.json
    assert response.headers["Content-Type"].startswith("application/json")
    return response.json


def test_the_export_holds_everything_about_the_caller(people, cypher):
    """bea's export, after bea asked bob for an introduction to ada (the fixture)."""
    bea = people
    cypher(
        "MATCH (bea:Person {id: 'bea'}), (bob:Person {id: 'bob'}), (cyd:Person {id: 'cyd'}) "
        "SET bea.skills = ['Python'] "
        "CREATE (bea)-[:CLOSENESS {level: 'close', updated_at: datetime()}]->(bob), "
        "(bob)-[:CLOSENESS {level: 'known', updated_at: datetime()}]->(bea), "
        "(bea)-[:BLOCKED {at: datetime()}]->(cyd), "
        "(bea)-[:WORKED_AT {id: 'w1', title: 'Engineer'}]->(:Organization {id: 'o1', name: 'Acme'})"
    )
    assert bea.post("bea", "/v1/me/requests", {"to": "ada", "note": "Hello Ada"}).status_code == 201
    rec = bea.post(
        "bob",
        "/v1/people/bea/recommendations",
        {"relationship": "worked_together", "text": "Bea ships careful work, every time."},
    ).json
    endorsed = bea.put("bob", "/v1/people/bea/skills/Python/endorsement")
    assert endorsed.status_code == 204
    cypher(
        "MATCH (bea:Person {id: 'bea'}) CREATE (bea)-[:HAS_WEBHOOK]->(:Webhook {id: 'wh1', "
        "url: 'https://example.com/hook', secret: 'whsec_topsecret', enabled: true, "
        "failures: 0, created_at: datetime()})"
    )

    document = _export(bea, "bea")
    assert (document["format"], document["person_id"]) == ("mutuals-export/1", "bea")
    sections = document["sections"]
    assert sections["profile"][0]["skills"] == ["Python"]
    assert [(c["person_id"], c["closeness_given"]) for c in sections["connections"]] == [
        ("bob", "close")  # bob's rating of bea is bob's: not in bea's export
    ]
    assert sections["requests"][0] | {"created_at": None} == {
        "kind": "request",
        "direction": "sent",
        "person_id": "ada",
        "note": "Hello Ada",
        "created_at": None,
        "reason": None,
        "until": None,
    }
    assert [b["person_id"] for b in sections["blocks"]] == ["cyd"]
    assert [(p["title"], p["organization"]["name"]) for p in sections["positions"]] == [
        ("Engineer", "Acme")
    ]
    assert sections["education"] == []
    (intro,) = sections["introductions"]
    assert (intro["role"], intro["message"]) == ("requester", "Please, Bob.")
    assert {p["person_id"] for p in intro["parties"]} == {"bob", "ada"}
    assert [r["recommendation"]["id"] for r in sections["recommendations"]] == [rec["id"]]
    assert [(e["direction"], e["skill"]) for e in sections["endorsements"]] == [
        ("received", "Python")
    ]
    kinds = {n["kind"] for n in sections["notifications"]}
    assert {"recommendation.received", "endorsement.received"} <= kinds
    (webhook,) = sections["webhooks"]
    assert webhook["url"] == "https://example.com/hook"
    text = bea.get("bea", "/v1/me/export").raw.text
    assert "topsecret" not in text and "secret" not in text
    assert len(sections["tokens"]) == 1 and set(sections["tokens"][0]) == {
        "id",
        "created_at",
        "last_used_at",
    }
    # ada, the target, has the introduction without bea's message to bob.
    (seen_by_ada,) = _export(bea, "ada")["sections"]["introductions"]
    assert (seen_by_ada["role"], seen_by_ada["message"]) == ("target", None)


def test_exports_are_limited_per_day(people, settings):
    for _ in range(settings.exports_per_day):
        _export(people, "cyd")
    refused = people.get("cyd", "/v1/me/export")
    assert refused.status_code == 429
    assert 0 < int(refused.headers["Retry-After"]) <= 24 * 3600
    assert _export(people, "bob")["person_id"] == "bob"  # the allowance is per person


def _hub(cypher, connections: int) -> str:
    """A hub with this many connections (each rated) and a token; returns the token."""
    token = create_person(cypher, "hub")
    cypher(
        "MATCH (hub:Person {id: 'hub'}) UNWIND range(1, $n) AS i "
        "CREATE (p:Person {id: 'p' + i, name: 'Person ' + i, name_lower: 'person ' + i}) "
        "CREATE (hub)-[:CONNECTED_TO {since: datetime(), pair: 'hub|p' + i}]->(p) "
        "CREATE (hub)-[:CLOSENESS {level: 'known', updated_at: datetime()}]->(p)",
        n=connections,
    )
    return token


def _streamed_peak(client, token: str) -> tuple[int, int]:
    """Export through the app, reading the body as it streams: (bytes, peak traced memory)."""
    tracemalloc.start()
    try:
        response = client.get("/v1/me/export", headers=auth(token), buffered=False)
        assert response.status_code == 200
        size = sum(len(chunk) for chunk in response.response)
        return size, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_hubs_export_streams_in_bounded_memory(client, cypher):
    """4× the connections, 4× the document, and the peak memory grows by less than half of
    what the document grew (a buffered export would hold all of it, and its rows too): the
    export holds one batch at a time."""
    small = _streamed_peak(client, _hub(cypher, 2 * BATCH))
    wipe_hub = "MATCH (p:Person) WHERE p.id = 'hub' OR p.id STARTS WITH 'p' DETACH DELETE p"
    cypher(wipe_hub)
    large = _streamed_peak(client, _hub(cypher, 8 * BATCH))
    assert large[0] > 3.5 * small[0]
    assert large[1] < small[1] + (large[0] - small[0]) / 2, (small, large)
