"""One round trip per request: the token lookup, the visibility check and the reads of
`GET /v1/me`, `GET /v1/people/{id}`, the mutuals page and the path are one statement each,
run as an auto-commit query in the request's read session (backend/db.py); a write ends the
shared session, so that the reads after it start from its bookmark. Round trips are counted
at the driver's public surface: an auto-commit query is one, a managed transaction is BEGIN,
its queries and COMMIT."""

from __future__ import annotations

import threading

import neo4j
import pytest

from backend.db import Database
from backend.queries import registry
from tests.support.auth import AuthActions, auth
from tests.support.graph import connect


@pytest.fixture
def sessions(monkeypatch) -> list[dict]:
    """The config of every session the request opens (the real driver's sessions, counted in
    the test's thread, where the test client runs the request; see `round_trips`)."""
    opened: list[dict] = []
    real = Database.session
    request_thread = threading.get_ident()

    def counted(self, **config):
        if threading.get_ident() == request_thread:
            opened.append(config)
        return real(self, **config)

    monkeypatch.setattr(Database, "session", counted)
    return opened


@pytest.fixture
def round_trips(monkeypatch) -> list[str]:
    """Every round trip the request makes to Neo4j, by the name of the query it runs (or
    BEGIN, COMMIT): the real driver's methods, counted in the test's own thread, where the
    test client runs the request; background threads (the outage probe, view maintenance)
    are not the request's cost."""
    names = {query.text: f"{query.name} v{query.version}" for query in registry()}
    trips: list[str] = []
    request_thread = threading.get_ident()

    def record(trip: str) -> None:
        if threading.get_ident() == request_thread:
            trips.append(trip)

    def name_of(statement) -> str:
        return names.get(getattr(statement, "text", statement), "?")

    def counted_run(real):
        def run(self, query, *args, **kwargs):
            record(name_of(query))
            return real(self, query, *args, **kwargs)

        return run

    def counted_transaction(real):
        def execute(self, work, *args, **kwargs):
            record("BEGIN")
            try:
                return real(self, work, *args, **kwargs)
            finally:
                record("COMMIT")

        return execute

    monkeypatch.setattr(neo4j.Session, "run", counted_run(neo4j.Session.run))
    monkeypatch.setattr(neo4j.ManagedTransaction, "run", counted_run(neo4j.ManagedTransaction.run))
    for method in ("execute_read", "execute_write"):
        real = getattr(neo4j.Session, method)
        monkeypatch.setattr(neo4j.Session, method, counted_transaction(real))
    return trips


@pytest.fixture
def people(cypher, client) -> AuthActions:
    people = AuthActions(client)
    for person_id in ("ann", "bob", "cy"):
        people.add(cypher, person_id, skills=["Cypher"])
    connect(cypher, "ann", "cy")
    connect(cypher, "bob", "cy")
    return people


@pytest.mark.parametrize("path", ["/v1/me", "/v1/people/bob"])
def test_a_profile_is_one_round_trip(people, sessions, round_trips, path):
    """The token lookup, the profile, its recommendation, endorsement and career sections and
    (for someone else) the degree and mutual count: one statement, one round trip."""
    response = people.get("ann", path)
    assert response.status_code == 200, response.json
    assert response.json["id"] == ("ann" if path == "/v1/me" else "bob")
    assert [e["skill"] for e in response.json["endorsements"]] == ["Cypher"]
    if path != "/v1/me":
        assert (response.json["degree"], response.json["mutual_count"]) == (2, 1)
    assert round_trips == ["people.profile_by_token v1"]
    assert len(sessions) == 1, sessions


@pytest.mark.parametrize(
    "path, statement",
    [("/v1/people/bob/mutual", "network.mutual v2"), ("/v1/people/bob/path", "network.path v3")],
)
def test_the_always_live_reads_are_one_round_trip(people, round_trips, path, statement):
    """The token lookup, the visibility check and the mutuals page or the path: one
    statement, one round trip."""
    response = people.get("ann", path)
    assert response.status_code == 200, response.json
    if path.endswith("mutual"):
        assert [m["id"] for m in response.json["items"]] == ["cy"]
    else:
        assert response.json["degree"] == 2
    assert round_trips == [statement]


def test_the_typeahead_is_one_round_trip(people, round_trips):
    """The token lookup and the organization typeahead's hits: one statement, one round
    trip (letters typed ask often)."""
    position = {"organization": {"name": "Northwind Labs"}, "title": "Engineer", "start": "2020-01"}
    assert people.post("bob", "/v1/me/positions", position).status_code == 201
    round_trips.clear()
    response = people.get("ann", "/v1/organizations", q="north")
    assert response.status_code == 200, response.json
    assert [(hit["name"], hit["people"]) for hit in response.json["items"]] == [
        ("Northwind Labs", 1)
    ]
    assert round_trips == ["organizations.search v3"]


def test_a_write_ends_the_shared_session(people, sessions, round_trips):
    """PATCH /v1/me: the token lookup reads (one session), the update writes (its own), and
    nothing reads on in the session opened before the write."""
    response = people.patch("ann", "/v1/me", {"headline": "Graphs"})
    assert response.status_code == 200 and response.json["headline"] == "Graphs"
    assert len(sessions) == 2, sessions
    assert round_trips[0] == "auth.person_for_token v3" and round_trips[1] == "BEGIN"
    assert people.get("ann", "/v1/me").json["headline"] == "Graphs"


def test_a_read_starts_no_thread(people, monkeypatch):
    """The deadline of every read is watched by the process's one watcher thread
    (backend/db_deadline.py), not by a timer thread per read."""
    assert people.get("ann", "/v1/me").status_code == 200  # the watcher runs from here on
    started: list[threading.Thread] = []
    real = threading.Thread.start

    def start(self):
        started.append(self)
        real(self)

    monkeypatch.setattr(threading.Thread, "start", start)
    for path in ("/v1/me", "/v1/people/bob", "/v1/people/bob/path", "/v1/me/network"):
        assert people.get("ann", path).status_code == 200
    assert started == []


def test_the_token_is_checked_before_anything_else(people, client):
    """One statement answers both, but a bad token still comes first: 401 whatever the rest
    (a cursor from no list, a blocked or absent person, oneself), then the other refusals."""
    stranger = auth("not-a-token")
    for path in (
        "/v1/people/bob/mutual?cursor=junk",
        "/v1/people/nobody/path",
        "/v1/me",
        "/v1/organizations?q=north",
        "/v1/organizations?q=!!",
    ):
        assert client.get(path, headers=stranger).status_code == 401, path
    assert people.get("ann", "/v1/people/bob/mutual", cursor="junk").status_code == 422
    assert people.get("ann", "/v1/people/ann/mutual").status_code == 422
    assert people.get("ann", "/v1/people/nobody/mutual").status_code == 404
    assert people.get("ann", "/v1/people/nobody/path").status_code == 404
    assert people.get("ann", "/v1/people/nobody").status_code == 404
    assert people.get("ann", "/v1/organizations", q="!!").status_code == 422
