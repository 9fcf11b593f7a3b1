"""A cursor belongs to its list's order: one copied from a most-first list (2nd connections,
suggestions) is refused by a newest-first list or a list by name, and the other way round."""

from __future__ import annotations

import pytest

from tests.support.auth import AuthActions
from tests.support.graph import connect

LISTS = {
    "second-degree (most mutuals)": ("/v1/me/second-degree", {}),
    "suggestions (best score)": ("/v1/me/suggestions", {}),
    "connections (newest)": ("/v1/me/connections", {"sort": "recent"}),
    "connections (by name)": ("/v1/me/connections", {"sort": "name"}),
}


@pytest.fixture
def cursors(client, cypher) -> tuple[AuthActions, dict[str, str]]:
    """Ada with two connections and two 2nd connections: a next cursor from each list."""
    people = AuthActions(client)
    for person_id in ("ada", "bob", "cyd", "xia", "yan"):
        people.add(cypher, person_id)
    for a, b in (("ada", "bob"), ("ada", "cyd"), ("bob", "xia"), ("bob", "yan"), ("cyd", "xia")):
        connect(cypher, a, b)
    cursors = {}
    for name, (path, query) in LISTS.items():
        response = people.get("ada", path, limit=1, **query)
        assert response.status_code == 200, response.json
        assert response.json["next_cursor"], name
        cursors[name] = response.json["next_cursor"]
    return people, cursors


def test_each_list_takes_its_own_cursor(cursors):
    people, cursors = cursors
    for name, (path, query) in LISTS.items():
        response = people.get("ada", path, limit=1, cursor=cursors[name], **query)
        assert response.status_code == 200, (name, response.json)
        assert len(response.json["items"]) == 1


@pytest.mark.parametrize("source", LISTS)
def test_a_cursor_from_a_list_of_another_order_is_refused(cursors, source):
    people, cursors = cursors
    for name, (path, query) in LISTS.items():
        if name == source:
            continue
        response = people.get("ada", path, limit=1, cursor=cursors[source], **query)
        assert response.status_code == 422, (source, name, response.json)
        assert response.mimetype == "application/problem+json"
        assert response.json["errors"] == {"cursor": ["Not a cursor from this list."]}
