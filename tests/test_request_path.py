"""One round trip per query: within a request, the token lookup and the reads after it share
one Neo4j session (auto-commit queries, backend/db.py), instead of a session and a managed
transaction (BEGIN, RUN, COMMIT) each; a write ends the shared session, so that the reads
after it start from its bookmark."""

from __future__ import annotations

import pytest

from backend.db import Database
from tests.support.auth import AuthActions


@pytest.fixture
def sessions(monkeypatch) -> list[dict]:
    """The config of every session the app opens (the real driver's sessions, counted)."""
    opened: list[dict] = []
    real = Database.session

    def counted(self, **config):
        opened.append(config)
        return real(self, **config)

    monkeypatch.setattr(Database, "session", counted)
    return opened


@pytest.fixture
def people(cypher, client) -> AuthActions:
    people = AuthActions(client)
    for person_id in ("ann", "bob"):
        people.add(cypher, person_id, skills=["Cypher"])
    return people


@pytest.mark.parametrize("path", ["/v1/me", "/v1/people/bob"])
def test_a_profile_is_read_in_one_session(people, sessions, path):
    """The token lookup, the profile, its recommendation and endorsement sections and (for
    someone else) the relation: four or five queries, one session."""
    response = people.get("ann", path)
    assert response.status_code == 200, response.json
    assert response.json["id"] == ("ann" if path == "/v1/me" else "bob")
    assert [e["skill"] for e in response.json["endorsements"]] == ["Cypher"]
    assert len(sessions) == 1, sessions


def test_a_write_ends_the_shared_session(people, sessions):
    """PATCH /v1/me: the token lookup reads (one session), the update writes (its own), and
    nothing reads on in the session opened before the write."""
    response = people.patch("ann", "/v1/me", {"headline": "Graphs"})
    assert response.status_code == 200 and response.json["headline"] == "Graphs"
    assert len(sessions) == 2, sessions
    assert people.get("ann", "/v1/me").json["headline"] == "Graphs"
