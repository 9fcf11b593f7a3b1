"""`connections_visibility: private` (docs/people.md, "Hidden connection lists"): nobody who is
not a 1st connection of the hidden person learns any of their connections beyond the ones
they know themselves (the mutual connections they share, LinkedIn's semantics) — not from
the list, 2nd-degree samples, /mutual, /path, suggestions, brokers, endorsements or search.
Against gunicorn."""

from __future__ import annotations

import itertools

import pytest

from tests.support.auth import AuthActions
from tests.support.graph import connect
from tests.support.live import LiveClient

# Whose connections are hidden -> those of them the viewer does not know.
UNKNOWN_TO_VIEWER = {"hid": {"x1", "x2"}, "far": {"b2"}}


@pytest.fixture
def people(live_server, cypher) -> AuthActions:
    """vic (the viewer) knows mo and al. hid (private) is connected to mo, x1 and x2; far
    (private) is 3 hops away, through al and b2. x1 and mo endorsed hid's Python."""
    people = AuthActions(LiveClient(live_server))
    for person_id in ("vic", "mo", "al", "x1", "x2", "b2", "y1"):
        people.add(cypher, person_id, location="Berlin", profession="Engineer")
    for person_id in ("hid", "far"):
        people.add(
            cypher,
            person_id,
            connections_visibility="private",
            skills=["Python"],
            location="Berlin",
        )
    for a, b in [
        ("vic", "mo"),
        ("vic", "al"),
        ("mo", "hid"),
        ("hid", "x1"),
        ("hid", "x2"),
        ("x1", "y1"),
        ("al", "b2"),
        ("b2", "far"),
    ]:
        connect(cypher, a, b)
    for endorser in ("x1", "mo"):
        done = people.put(endorser, "/v1/people/hid/skills/Python/endorsement")
        assert done.status_code == 204
    return people


def _paths(people, viewer: str, target: str) -> list[list[str]]:
    response = people.get(viewer, f"/v1/people/{target}/path")
    assert response.status_code == 200, response.json
    return [[step["id"] for step in path] for path in response.json["paths"]]


def test_paths_never_show_a_hidden_persons_connection_to_a_stranger(people):
    everyone = ("mo", "al", "x1", "x2", "b2", "y1", "hid", "far")
    for target in everyone:
        for path in _paths(people, "vic", target):
            for a, b in itertools.pairwise(path):
                for hidden, unknown in UNKNOWN_TO_VIEWER.items():
                    assert {a, b} not in [{hidden, x} for x in unknown], (target, path)
    # The degree still says how far they are; the hidden step is not drawn.
    far = people.get("vic", "/v1/people/far/path").json
    assert far["degree"] == 3 and far["paths"] == []
    x1 = people.get("vic", "/v1/people/x1/path").json
    assert x1["degree"] == 3 and x1["paths"] == []


def test_nothing_about_a_hidden_person_names_a_connection_the_viewer_does_not_know(people):
    for hidden, unknown in UNKNOWN_TO_VIEWER.items():
        answers = [
            people.get("vic", f"/v1/people/{hidden}{tail}").raw.text
            for tail in (
                "",
                "/connections",
                "/mutual",
                "/brokers",
                "/endorsements",
                "/recommendations",
                "/path",
            )
        ]
        for text in answers:
            assert not any(f'"{x}"' in text for x in unknown), (hidden, text)
    # What vic may see: hid's connection that vic knows, as the mutual they share.
    assert [p["id"] for p in people.get("vic", "/v1/people/hid/connections").json["items"]] == [
        "mo"
    ]
    endorsers = people.get("vic", "/v1/people/hid/endorsements").json["items"][0]
    assert endorsers["count"] == 2 and [e["id"] for e in endorsers["sample"]] == ["mo"]


def test_discovery_lists_tie_no_stranger_to_a_hidden_person(people):
    """2nd-degree entries and suggestions carry samples of the viewer's own connections only."""
    for path in ("/v1/me/second-degree", "/v1/me/suggestions"):
        for item in people.get("vic", path).json["items"]:
            sample = {m["id"] for m in item.get("mutual_sample", [])}
            assert sample <= {"mo", "al"}, (path, item)


def test_a_first_connection_still_sees_the_hidden_person_as_a_mutual(people):
    """LinkedIn's semantics: mo knows hid, so hid is the mutual mo shares with x1 and x2."""
    second = {i["id"]: i for i in people.get("mo", "/v1/me/second-degree").json["items"]}
    assert {"x1", "x2"} <= second.keys()
    assert [m["id"] for m in second["x1"]["mutual_sample"]] == ["hid"]
    assert [p["id"] for p in people.get("mo", "/v1/people/x1/mutual").json["items"]] == ["hid"]
