"""Newest-first lists page by instant: items created at one instant, stored in different zone
forms ('Z', '+00:00', '[UTC]', which Cypher orders apart), each come exactly once."""

from __future__ import annotations

from tests.support.auth import AuthActions
from tests.support.graph import connect
from tests.support.pages import all_pages

# One instant, three ways of writing it.
SAME_INSTANT = (
    "datetime('2026-01-05T09:00:00Z')",
    "datetime('2026-01-05T09:00:00+00:00')",
    "datetime({epochSeconds: 1767603600, timezone: 'UTC'})",
)


def _restamp(cypher, label: str, ids: list[str]) -> None:
    for node_id, instant in zip(ids, SAME_INSTANT, strict=True):
        cypher(f"MATCH (n:{label} {{id: $id}}) SET n.created_at = {instant}", id=node_id)


def _people(cypher, client, *ids: str) -> AuthActions:
    people = AuthActions(client)
    for person_id in ids:
        people.add(cypher, person_id)
    return people


def test_introductions_and_follow_ups_page_by_instant(cypher, client):
    people = _people(cypher, client, "ada", "bob", "t1", "t2", "t3")
    for person_id in ("ada", "t1", "t2", "t3"):
        connect(cypher, "bob", person_id)
    intro_ids = [
        people.post("ada", "/v1/intros", {"target": t, "broker": "bob", "message": "Hi"}).json["id"]
        for t in ("t1", "t2", "t3")
    ]
    _restamp(cypher, "Introduction", intro_ids)
    listed = all_pages(people, "ada", "/v1/me/intros", limit=1)
    assert sorted(item["id"] for item in listed) == sorted(intro_ids)

    intro_id = intro_ids[0]
    assert people.post("bob", f"/v1/intros/{intro_id}/forward", {"note": "Meet"}).status_code == 200
    assert people.post("t1", f"/v1/intros/{intro_id}/accept").status_code == 200
    follow_up_ids = [
        people.post("ada", f"/v1/intros/{intro_id}/follow-ups", {"kind": kind}).json["id"]
        for kind in ("call", "coffee", "meeting")
    ]
    _restamp(cypher, "FollowUp", follow_up_ids)
    path = f"/v1/intros/{intro_id}/follow-ups"
    listed = all_pages(people, "ada", path, limit=1)
    assert sorted(item["id"] for item in listed) == sorted(follow_up_ids)


def test_recommendations_page_by_instant(cypher, client):
    people = _people(cypher, client, "ada", "c1", "c2", "c3")
    for person_id in ("c1", "c2", "c3"):
        connect(cypher, "ada", person_id)
    rec_ids = [
        people.post(
            "ada",
            f"/v1/people/{c}/recommendations",
            {"relationship": "worked_together", "text": "Great"},
        ).json["id"]
        for c in ("c1", "c2", "c3")
    ]
    _restamp(cypher, "Recommendation", rec_ids)
    given = all_pages(people, "ada", "/v1/me/recommendations", limit=1, role="given")
    assert sorted(item["id"] for item in given) == sorted(rec_ids)
