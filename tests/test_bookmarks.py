"""``Mutuals-Bookmark``: write responses carry the bookmark of their transactions, signed and
naming the writer; requests that send it back run with it (on any worker); a value the API did
not issue, or issued to someone else, is a 400 naming it; forged ones hold no server thread."""

from __future__ import annotations

import base64
import json
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from backend.bookmarks import HEADER, decode, encode, signing_key
from harness.gunicorn import Gunicorn, free_port
from tests.support.auth import AuthActions
from tests.support.graph import auth, create_person, graph_fingerprint
from tests.support.live import LiveClient
from tests.support.servers import production_environment


@pytest.fixture
def people(cypher, client):
    people = AuthActions(client)
    for person_id in ("ann", "bob", "cy"):
        people.add(cypher, person_id)
    return people


@pytest.fixture
def key(settings) -> bytes:
    return signing_key(settings)


def test_a_write_response_carries_a_bookmark_that_reads_accept(people, key):
    sent = people.post("ann", "/v1/me/requests", {"to": "bob"})
    assert sent.status_code == 201, sent.json
    bookmark = sent.headers[HEADER]
    values, person = decode(key, bookmark)  # Neo4j's bookmark values, signed, Ann's
    assert values and person == "ann"

    outgoing = people.get("ann", "/v1/me/requests/outgoing", headers={HEADER: bookmark})
    assert outgoing.status_code == 200, outgoing.json
    assert [item["person"]["id"] for item in outgoing.json["items"]] == ["bob"]
    assert HEADER not in outgoing.headers  # a read wrote nothing

    again = people.post("ann", "/v1/me/requests", {"to": "cy"}, headers={HEADER: bookmark})
    assert again.status_code == 201, again.json
    assert again.headers[HEADER] != bookmark  # the newer write's


def test_someone_elses_bookmark_is_a_400(people):
    sent = people.post("ann", "/v1/me/requests", {"to": "bob"})
    response = people.get("bob", "/v1/me/requests/incoming", headers={HEADER: sent.headers[HEADER]})
    assert response.status_code == 400, response.json
    assert HEADER in response.json["errors"]


def test_a_refused_write_carries_no_bookmark(people):
    refused = people.post("ann", "/v1/me/requests", {"to": "nobody"})
    assert refused.status_code == 404
    assert HEADER not in refused.headers


def _unsigned(data) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode()


@pytest.mark.parametrize(
    "value",
    [
        lambda key: "not base64 !",
        lambda key: _unsigned("not json")[:-2],
        lambda key: encode(key, set(), None),  # signed, but an empty list
        lambda key: _unsigned({"a": 1}),
        lambda key: _unsigned([1, 2]),
        lambda key: "A" * 5000,
        # The format before bookmarks were signed: a real bookmark value, unsigned.
        lambda key: _unsigned(["FB:kcwQ2rLM6GjCTNKLcIzzxaohdskA2JA="]),
        lambda key: encode(b"another server's key", {"FB:kcwQ2rLM6GjCTNKLcIzzxaohdskA2JA="}, "ann"),
        # Signed by this server, but Neo4j cannot parse it.
        lambda key: encode(key, {"FB:not-a-neo4j-bookmark"}, "ann"),
    ],
    ids=[
        "garbage",
        "not-json",
        "empty",
        "object",
        "numbers",
        "too-long",
        "unsigned",
        "other-key",
        "not-neo4j",
    ],
)
def test_a_malformed_bookmark_is_a_400_naming_the_header(cypher, people, key, value):
    before = graph_fingerprint(cypher)
    for method, path, body in (
        ("GET", "/v1/me/requests/incoming", None),
        ("POST", "/v1/me/requests", {"to": "bob"}),
    ):
        response = people.open("ann", method, path, json=body, headers={HEADER: value(key)})
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


# -- forged bookmarks (issue 22, defect 6) -----------------------------------------------------


def _far_future(value: str) -> str:
    """A Neo4j 5 bookmark (``FB:`` + base64 of a PackStream list: the database's UUID and its
    transaction id, then remote states) with the transaction id raised by a million: a read
    that waited for it would wait for a transaction that never comes."""
    raw = base64.b64decode(value[3:])
    assert raw[:3] == b"\x91\xcc\x10", raw  # one database: [bytes(16) uuid, int tx id, ...]
    at, marker = 19, raw[19]
    width = {0xC8: 1, 0xC9: 2, 0xCA: 4, 0xCB: 8}.get(marker, 0)
    tx_id = int.from_bytes(raw[at + 1 : at + 1 + width], "big") if width else marker
    rest = raw[at + 1 + width :]
    later = raw[:at] + b"\xcb" + (tx_id + 1_000_000).to_bytes(8, "big") + rest
    return "FB:" + base64.b64encode(later).decode()


def forged(header: str) -> str:
    """What an attacker makes of a real header: each Neo4j bookmark inside it pushed far ahead,
    the rest (a signature, say) left as it was."""
    payload, dot, rest = header.partition(".")
    data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))

    def edit(value):
        if isinstance(value, str) and value.startswith("FB:"):
            return _far_future(value)
        if isinstance(value, list):
            return [edit(v) for v in value]
        if isinstance(value, dict):
            return {k: edit(v) for k, v in value.items()}
        return value

    edited = base64.urlsafe_b64encode(json.dumps(edit(data)).encode()).decode().rstrip("=")
    assert edited != payload
    return edited + dot + rest


def test_forged_bookmarks_hold_no_server_threads(database, cypher, tmp_path):
    """50 requests at once with a forged bookmark (half with no token, as tried) on 2 x 4
    server threads: they are refused, and meanwhile /readyz and another person's request answer. On
    the code before the fix the forged requests held every thread until Neo4j gave up waiting
    (30-60 s). Bounds are generous: what matters is seconds against a minute."""
    tokens = {name: create_person(cypher, name) for name in ("ann", "bob", "mallory")}
    environ = production_environment(database)
    with Gunicorn(free_port(), 2, 4, tmp_path / "gunicorn.log", environ) as server:
        wrote = requests.patch(
            server.base + "/v1/me", json={"headline": "x"}, headers=auth(tokens["ann"]), timeout=30
        )
        assert wrote.status_code == 200, wrote.text
        bad = forged(wrote.headers[HEADER])

        def attack(n):
            # Half without a token, half with the attacker's own.
            headers = {HEADER: bad, **(auth(tokens["mallory"]) if n % 2 else {})}
            try:
                return requests.get(server.base + "/v1/me", headers=headers, timeout=90)
            except requests.RequestException as error:
                return error

        def timed(path, headers):
            # Asked again on a 503: a loaded CI machine can overrun a step's bound (/readyz
            # gives Neo4j 0.4 s a step), while a thread held by the attack answers nothing.
            began = time.monotonic()
            while True:
                try:
                    response = requests.get(server.base + path, headers=headers, timeout=45)
                except requests.RequestException as error:
                    return type(error).__name__, time.monotonic() - began
                if response.status_code != 503 or time.monotonic() - began > 15:
                    return response.status_code, time.monotonic() - began
                time.sleep(0.2)

        with ThreadPoolExecutor(52) as pool:
            futures = [pool.submit(attack, i) for i in range(50)]
            time.sleep(1)  # the attack is under way
            honest = pool.submit(timed, "/v1/me", auth(tokens["bob"]))
            ready = pool.submit(timed, "/readyz", {})
            honest, ready = honest.result(), ready.result()
            attacks = [f.result() for f in futures]

    assert honest[0] == 200 and honest[1] < 15, honest
    assert ready[0] == 200 and ready[1] < 15, ready
    statuses = Counter(getattr(a, "status_code", type(a).__name__) for a in attacks)
    assert set(statuses) <= {400, 401}, statuses
