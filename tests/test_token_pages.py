"""GET /v1/me/tokens is paged like every list: newest first, ``limit`` and ``cursor``, each
token once however the pages fall (several made at one instant included)."""

from __future__ import annotations

from tests.support.auth import AuthActions
from tests.support.graph import auth, connect
from tests.support.pages import all_pages

ADMIN = auth("test-admin-token")


def issue(client, person_id: str) -> str:
    response = client.post(f"/v1/admin/people/{person_id}/tokens", headers=ADMIN)
    assert response.status_code == 201, response.json
    return response.json["token"]


def test_tokens_page_newest_first_each_once(client, cypher, clock):
    people = AuthActions(client)
    people.add(cypher, "ada")
    issue(client, "ada")
    clock.advance(minutes=1)
    issue(client, "ada")
    issue(client, "ada")  # two at one instant: the id breaks the tie

    first = people.get("ada", "/v1/me/tokens", limit=2).json
    assert len(first["items"]) == 2 and first["next_cursor"]
    listed = all_pages(people, "ada", "/v1/me/tokens", limit=1)
    assert len(listed) == 4 and len({item["id"] for item in listed}) == 4
    assert [item["current"] for item in listed].count(True) == 1
    created = [item["created_at"] for item in listed]
    assert created == sorted(created, reverse=True)


def test_a_cursor_of_another_list_is_refused(client, cypher):
    people = AuthActions(client)
    for person_id in ("ada", "bob", "cyd"):
        people.add(cypher, person_id)
    connect(cypher, "ada", "bob")
    connect(cypher, "ada", "cyd")
    by_name = people.get("ada", "/v1/me/connections", sort="name", limit=1).json["next_cursor"]
    response = people.get("ada", "/v1/me/tokens", cursor=by_name)
    assert response.status_code == 422
    assert response.json["errors"] == {"cursor": ["Not a cursor from this list."]}
