"""Bad input on every people/connections endpoint: a 4xx problem+json that names the field,
and the graph unchanged. Never a 500 (a fuzzing test at the end sends arbitrary JSON)."""

from __future__ import annotations

import json

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.pagination import encode_cursor
from tests.support.auth import AuthActions
from tests.support.graph import auth, connect, create_person, graph_fingerprint


@pytest.fixture
def people(cypher, client):
    """ann is connected to bob and has a pending request from cat; the tests act as ann."""
    people = AuthActions(client, {"ann": create_person(cypher, "ann")})
    create_person(cypher, "bob")
    create_person(cypher, "cat")
    connect(cypher, "ann", "bob")
    cypher(
        "MATCH (c:Person {id: 'cat'}), (a:Person {id: 'ann'}) "
        "CREATE (c)-[:REQUESTED {state: 'pending', pair: 'cat|ann', created_at: datetime()}]->(a)"
    )
    return people


# Endpoints with a JSON body: method, path, a valid body (the cases below spoil it).
SIGN_UP = ("POST", "/v1/people", {"name": "Zed"})
PATCH_ME = ("PATCH", "/v1/me", {"headline": "New"})
SEND = ("POST", "/v1/me/requests", {"to": "cat"})
IGNORE = ("POST", "/v1/me/requests/incoming/cat/ignore", {"reason": "dont_know"})
CLOSENESS = ("PUT", "/v1/me/connections/bob/closeness", {"closeness": "close"})
BODY_ENDPOINTS = [SIGN_UP, PATCH_ME, SEND, IGNORE, CLOSENESS]

# (endpoint, body, field the answer must name)
BAD_FIELDS = [
    (SIGN_UP, {}, "name"),
    (SIGN_UP, {"name": "Zed", "admin": True}, "admin"),
    (SIGN_UP, {"name": 5}, "name"),
    (SIGN_UP, {"name": None}, "name"),
    (SIGN_UP, {"name": "   "}, "name"),
    (SIGN_UP, {"name": "x" * 101}, "name"),
    (SIGN_UP, {"name": "\ud800"}, "name"),
    (SIGN_UP, {"name": "Zed", "headline": "x" * 221}, "headline"),
    (SIGN_UP, {"name": "Zed", "summary": "x" * 2601}, "summary"),
    (SIGN_UP, {"name": "Zed", "location": ["Paris"]}, "location"),
    (SIGN_UP, {"name": "Zed", "skills": "Python"}, "skills"),
    (SIGN_UP, {"name": "Zed", "skills": [1]}, "skills"),
    (SIGN_UP, {"name": "Zed", "skills": ["x" * 61]}, "skills"),
    (SIGN_UP, {"name": "Zed", "skills": [f"s{i}" for i in range(51)]}, "skills"),
    (SIGN_UP, {"name": "Zed", "intro_opt_out": "yes"}, "intro_opt_out"),
    (SIGN_UP, {"name": "Zed", "intro_opt_out": 1}, "intro_opt_out"),
    (SIGN_UP, {"name": "Zed", "connections_visibility": "public"}, "connections_visibility"),
    (PATCH_ME, {}, "_schema"),
    (PATCH_ME, {"id": "someone-else"}, "id"),
    (PATCH_ME, {"name": None}, "name"),
    (PATCH_ME, {"headline": 5}, "headline"),
    (PATCH_ME, {"training": "x" * 1001}, "training"),
    (PATCH_ME, {"intro_opt_out": None}, "intro_opt_out"),
    (PATCH_ME, {"connections_visibility": ""}, "connections_visibility"),
    (SEND, {}, "to"),
    (SEND, {"to": 5}, "to"),
    (SEND, {"to": ""}, "to"),
    (SEND, {"to": ["cat"]}, "to"),
    (SEND, {"to": "x" * 201}, "to"),
    (SEND, {"to": "cat", "note": "x" * 301}, "note"),
    (SEND, {"to": "cat", "note": 5}, "note"),
    (SEND, {"to": "cat", "cc": "bob"}, "cc"),
    (IGNORE, {"reason": "spam"}, "reason"),
    (IGNORE, {"reason": 5}, "reason"),
    (IGNORE, {"block": True}, "block"),
    (CLOSENESS, {}, "closeness"),
    (CLOSENESS, {"closeness": "CLOSE"}, "closeness"),
    (CLOSENESS, {"closeness": 1}, "closeness"),
    (CLOSENESS, {"closeness": "close", "public": True}, "public"),
]


def assert_refused(response, status, field=None):
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = response.json
    assert body["status"] == status and body["title"]
    if field is not None:
        assert field in body["errors"], body


@pytest.mark.parametrize(
    "endpoint, body, field", BAD_FIELDS, ids=[f"{e[0]} {e[1]} {f}" for e, _, f in BAD_FIELDS]
)
def test_bad_fields_are_422_naming_the_field(cypher, people, endpoint, body, field):
    method, path, _ = endpoint
    before = graph_fingerprint(cypher)
    # json.dumps keeps lone surrogates as \ud800 escapes, as a client's JSON would carry them.
    response = people.open(
        "ann", method, path, data=json.dumps(body), content_type="application/json"
    )
    assert_refused(response, 422, field)
    assert graph_fingerprint(cypher) == before


# (raw body, content type, status, field)
BAD_BODIES = {
    "not JSON": ("name=Zed", "application/x-www-form-urlencoded", 415, None),
    "plain text": ("Zed", "text/plain", 415, None),
    "broken JSON": ('{"name": ', "application/json", 400, "json"),
    "not UTF-8": (b'{"name": "\xff"}', "application/json", 400, "json"),
    "a list": ('[{"name": "Zed"}]', "application/json", 422, "_schema"),
    "a string": ('"Zed"', "application/json", 422, "_schema"),
    "null": ("null", "application/json", 422, "_schema"),
    "deeply nested": (
        '{"name": ' + "[" * 20000 + "]" * 20000 + "}",
        "application/json",
        400,
        "json",
    ),
    "huge": ('{"name": "' + "x" * (70 * 1024) + '"}', "application/json", 413, None),
}


@pytest.mark.parametrize("case", BAD_BODIES.values(), ids=BAD_BODIES.keys())
@pytest.mark.parametrize("endpoint", BODY_ENDPOINTS, ids=[f"{m} {p}" for m, p, _ in BODY_ENDPOINTS])
def test_bad_bodies_are_refused_whole(cypher, people, endpoint, case):
    method, path, _ = endpoint
    data, content_type, status, field = case
    before = graph_fingerprint(cypher)
    response = people.open("ann", method, path, data=data, content_type=content_type)
    assert_refused(response, status, field)
    assert graph_fingerprint(cypher) == before


@pytest.mark.parametrize(
    "endpoint, field",
    [(SIGN_UP, "name"), (PATCH_ME, "_schema"), (SEND, "to"), (CLOSENESS, "closeness")],
    ids=["sign-up", "patch me", "send", "closeness"],
)
def test_empty_body_is_422_where_a_body_is_required(cypher, people, endpoint, field):
    method, path, _ = endpoint
    before = graph_fingerprint(cypher)
    for kwargs in ({}, {"data": "", "content_type": "application/json"}):
        assert_refused(people.open("ann", method, path, **kwargs), 422, field)
    assert graph_fingerprint(cypher) == before


def test_the_valid_bodies_above_are_accepted(people):
    """The cases above spoil bodies that are themselves fine (else the 4xx proves nothing)."""
    for method, path, body in [SIGN_UP, PATCH_ME, CLOSENESS, IGNORE]:
        response = people.open("ann", method, path, json=body)
        assert response.status_code < 300, (path, response.json)
    assert people.post("ann", "/v1/me/requests", {"to": "cat"}).status_code == 200


LISTS = [
    "/v1/people",
    "/v1/me/connections",
    "/v1/people/bob/connections",
    "/v1/me/requests/incoming",
    "/v1/me/requests/outgoing",
    "/v1/me/blocks",
]
BAD_QUERIES = [
    ("limit=0", "limit"),
    ("limit=101", "limit"),
    ("limit=ten", "limit"),
    ("limit=", "limit"),
    ("cursor=%25%25%25", "cursor"),
    ("cursor=" + encode_cursor(["x"]), "cursor"),
    ("cursor=" + encode_cursor([10**30, "x"]), "cursor"),
    ("cursor=" + encode_cursor([1.5, None]), "cursor"),
    ("cursor=" + "x" * 1001, "cursor"),
]


@pytest.mark.parametrize("query, field", BAD_QUERIES, ids=[q[:30] for q, _ in BAD_QUERIES])
@pytest.mark.parametrize("path", LISTS)
def test_bad_list_arguments_are_422(people, path, query, field):
    assert_refused(people.get("ann", f"{path}?{query}"), 422, field)


@pytest.mark.parametrize(
    "path",
    [
        "/v1/me/connections?sort=oldest",
        "/v1/people/bob/connections?sort=",
        "/v1/people?q=" + "x" * 101,
        "/v1/people?skill=" + "x" * 61,
        "/v1/people?location=%ED%A0%80" + "x" * 100,
    ],
)
def test_bad_search_and_sort_arguments_are_422(people, path):
    field = path.split("?")[1].split("=")[0]
    assert_refused(people.get("ann", path), 422, field)


ODD_IDS = ["x" * 3000, "%00", "%ED%A0%80", "%F0%9F%98%80", "..", "'%20OR%201=1%20--"]
PATH_CALLS = [
    ("GET", "/v1/people/{}"),
    ("GET", "/v1/people/{}/connections"),
    ("POST", "/v1/me/requests/incoming/{}/accept"),
    ("POST", "/v1/me/requests/incoming/{}/ignore"),
    ("DELETE", "/v1/me/requests/outgoing/{}"),
    ("DELETE", "/v1/me/connections/{}"),
    ("PUT", "/v1/me/blocks/{}"),
    ("DELETE", "/v1/me/blocks/{}"),
    ("POST", "/v1/admin/people/{}/tokens"),
]


@pytest.mark.parametrize("person_id", ODD_IDS)
@pytest.mark.parametrize("method, template", PATH_CALLS, ids=[f"{m} {t}" for m, t in PATH_CALLS])
def test_odd_ids_in_paths_are_404(client, cypher, people, method, template, person_id):
    before = graph_fingerprint(cypher)
    headers = auth("test-admin-token") if "admin" in template else people.headers("ann")
    assert_refused(client.open(template.format(person_id), method=method, headers=headers), 404)
    assert graph_fingerprint(cypher) == before


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(st.characters(exclude_categories=()), max_size=40),  # lone surrogates too
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)


def fuzz_bodies(fields: list[str]):
    """Objects whose keys are mostly the endpoint's own fields, with arbitrary values."""
    return st.one_of(
        JSON_VALUES,
        st.dictionaries(st.sampled_from(fields) | st.text(max_size=8), JSON_VALUES, max_size=5),
    )


FUZZED = [
    (
        SIGN_UP,
        ["name", "headline", "location", "skills", "intro_opt_out", "connections_visibility"],
    ),
    (
        PATCH_ME,
        ["name", "headline", "summary", "skills", "intro_opt_out", "connections_visibility"],
    ),
    (SEND, ["to", "note"]),
    (CLOSENESS, ["closeness"]),
]


@pytest.mark.parametrize("endpoint, fields", FUZZED, ids=[f"{e[0]} {e[1]}" for e, _ in FUZZED])
def test_arbitrary_json_never_gets_a_500(cypher, people, endpoint, fields):
    method, path, _ = endpoint

    @settings(
        max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
    )
    @given(body=fuzz_bodies(fields))
    def check(body):
        before = graph_fingerprint(cypher)
        response = people.open("ann", method, path, json=body)
        assert response.status_code < 500, (body, response.get_data(as_text=True))
        if response.status_code >= 400:
            assert response.mimetype == "application/problem+json"
            assert graph_fingerprint(cypher) == before

    check()


# -- bodies that reach the server in pieces, or deeper than a parser recurses -------------------


def _chunked(text: str):
    """A body sent with Transfer-Encoding: chunked (no Content-Length), in two pieces."""
    data = text.encode()
    yield data[: len(data) // 2]
    yield data[len(data) // 2 :]


@pytest.mark.parametrize(
    "body, status",
    [
        ("[" * 30000 + "]" * 30000, 400),  # deeper than json.loads recurses
        ("[" * 3000 + "]" * 3000, 400),  # within json.loads on 3.12+, not 3.11
        ("[" * 950 + "]" * 950, 400),  # within json.loads everywhere, too deep for any field
        ('{"name": "\\ud800"}', 422),  # a lone surrogate the driver cannot send
        ('{"name": ', 400),
    ],
)
@pytest.mark.parametrize("sent", ["chunked", "with length"])
def test_bodies_are_guarded_however_they_are_sent(live_server, cypher, body, status, sent):
    """Under gunicorn, on every Python the project allows: a 4xx problem+json, never a 500."""
    before = graph_fingerprint(cypher)
    response = requests.post(
        live_server + "/v1/people",
        data=_chunked(body) if sent == "chunked" else body.encode(),
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == status, response.text[:300]
    assert response.headers["Content-Type"] == "application/problem+json"
    assert graph_fingerprint(cypher) == before


def test_a_chunked_body_is_read_as_one_with_a_length(live_server, cypher):
    response = requests.post(
        live_server + "/v1/people", data=_chunked('{"name": "Zed Chunked"}'), timeout=30
    )
    assert response.status_code == 415, response.text  # no Content-Type: not taken as JSON
    response = requests.post(
        live_server + "/v1/people",
        data=_chunked('{"name": "Zed Chunked"}'),
        headers={"Content-Type": "application/json"},
        timeout=30,
    )
    assert response.status_code == 201, response.text
    assert response.json()["person"]["name"] == "Zed Chunked"
