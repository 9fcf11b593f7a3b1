"""Colleagues and classmates in suggestions (docs/discovery.md, "Worked and studied together"):
on random graphs with organizations, overlapping tenures, blocks, requests, dismissals and
hidden connection lists, the candidates, scores and worked/studied-together reasons equal a
plain-Python computation (harness/inmemory.py), answered live and from network views."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.network import service
from backend.network.parts import SCORE_WEIGHTS, SUGGESTION_POOL_SIZE, TIES
from backend.reasons import together
from tests.support.auth import AuthActions
from tests.support.discovery import build_with_model, graphs, token_of
from tests.support.graph import connect, create_person
from tests.support.pages import all_pages
from tests.support.ties import THIS_MONTH, build_careers, careers

# Small enough for these graphs to reach each case: an organization above max_size, one
# between group and max_size (weighed down), time together past the cap.
SMALL_TIES = {"months": 24, "group": 2, "max_size": 5}
TIE_CODES = {"work": "worked_together", "study": "studied_together"}


def expected_reasons(model, me: str, other: str) -> list[dict]:
    ties = model.ties(me, other, SCORE_WEIGHTS, TIES, THIS_MONTH)
    return [
        {"code": TIE_CODES[kind], "text": f"{verb} together at {together(tie)}"}
        for kind, verb in (("work", "Worked"), ("study", "Studied"))
        for tie in ties
        if tie["kind"] == kind
    ]


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), graph=graphs())
def test_colleagues_and_classmates_match_plain_python(
    data, graph, cypher, make_app, complements, monkeypatch
):
    for key, value in SMALL_TIES.items():
        monkeypatch.setitem(TIES, key, value)
    people, _, _, _, _, callers = graph
    model = build_with_model(cypher, graph, complements)
    build_careers(cypher, model, data.draw(careers(sorted(people))))
    hidden = data.draw(st.sets(st.sampled_from(sorted(people))))
    cypher(
        "MATCH (p:Person) WHERE p.id IN $ids SET p.connections_visibility = 'private'",
        ids=sorted(hidden),
    )
    live = make_app(view_max_age_s=0)
    viewed = make_app(view_threshold=0)
    tokens = {me: token_of(me) for me in callers}
    for me in callers:
        assert viewed.extensions["mutuals"].refresher.refresh(me, "suggestions", force=True) in (
            "refreshed",
            "skipped",
        )
        expected = model.suggestions(me, SCORE_WEIGHTS, SUGGESTION_POOL_SIZE, TIES, THIS_MONTH)
        pages = {}
        for name, app in (("live", live), ("view", viewed)):
            people_as = AuthActions(app.test_client(), tokens)
            first = people_as.get(me, "/v1/me/suggestions", limit=3).json
            assert first["from_view"] == (name == "view")
            pages[name] = all_pages(people_as, me, "/v1/me/suggestions", limit=3)
            assert [
                (s["id"], round(s["score"] * service.SCORE_SCALE)) for s in pages[name]
            ] == expected, name
            for suggestion in pages[name]:
                tie_reasons = [r for r in suggestion["reasons"] if r["code"] in TIE_CODES.values()]
                assert tie_reasons == expected_reasons(model, me, suggestion["id"])
        assert pages["view"] == pages["live"]


def test_a_colleague_is_suggested_beyond_the_2nd_degree_with_the_reason(cypher, client):
    """Ada and Bob shared ten years at a 12-person firm and are 4 hops apart; Cy spent three
    months at a 2,500-person one with Ada (past max_size: no tie)."""
    people = AuthActions(client)
    for person in ("ada", "bob", "cy", "x1", "x2", "x3"):
        people.add(cypher, person)
    for a, b in (("ada", "x1"), ("x1", "x2"), ("x2", "x3"), ("x3", "bob")):
        connect(cypher, a, b)
    for i in range(10):
        create_person(cypher, f"small-{i}")
    cypher(
        """
        CREATE (small:Organization {id: 'org-small', kind: 'company', name: 'Acme', aliases: []})
        CREATE (big:Organization {id: 'org-big', kind: 'company', name: 'Initech', aliases: []})
        WITH small, big
        MATCH (ada:Person {id: 'ada'}), (bob:Person {id: 'bob'}), (cy:Person {id: 'cy'})
        CREATE (ada)-[:WORKED_AT {id: 'w1', title: 'CTO', start: $y2010, end: $y2020}]->(small)
        CREATE (bob)-[:WORKED_AT {id: 'w2', title: 'CEO', start: $y2010, end: null}]->(small)
        CREATE (ada)-[:WORKED_AT {id: 'w3', title: 'Dev', start: $y2021, end: null}]->(big)
        CREATE (cy)-[:WORKED_AT {id: 'w4', title: 'Dev', start: $y2021, end: $y2021 + 2}]->(big)
        WITH small, big
        MATCH (p:Person) WHERE p.id STARTS WITH 'small-'
        CREATE (p)-[:WORKED_AT {id: 's-' + p.id, title: 'T', start: $y2010, end: $y2020}]->(small)
        WITH DISTINCT big
        UNWIND range(1, 2500) AS i
        CREATE (:Person {id: 'big-' + i})-[:WORKED_AT {id: 'b-' + i, title: 'T', start: 0}]->(big)
        """,
        y2010=2010 * 12,
        y2020=2020 * 12 + 11,
        y2021=2021 * 12,
    )
    items = {s["id"]: s for s in all_pages(people, "ada", "/v1/me/suggestions", limit=50)}
    assert {"code": "worked_together", "text": "Worked together at Acme, 2010–2020"} in items[
        "bob"
    ]["reasons"]
    # Ten years at 12 people: the colleague weight in full.
    assert items["bob"]["score"] * service.SCORE_SCALE == SCORE_WEIGHTS["colleague"]
    assert "cy" not in items and "big-1" not in items


def test_a_new_position_brings_its_colleagues_into_the_view(cypher, make_app):
    """Ada's suggestions come from her view; she adds a position at Bob's employer: the next
    answer names Bob (live while her view, outdated by her own change, is recomputed in the
    background; or that recomputed view already), and so does the view once recomputed."""
    app = make_app(view_threshold=0)
    people = AuthActions(app.test_client())
    for person in ("ada", "bob"):
        people.add(cypher, person)
    cypher(
        "MATCH (bob:Person {id: 'bob'}) "
        "CREATE (bob)-[:WORKED_AT {id: 'w1', title: 'CEO', start: $start}]->"
        "(:Organization {id: 'org-acme', kind: 'company', name: 'Acme', aliases: []})",
        start=THIS_MONTH - 30,
    )
    refresher = app.extensions["mutuals"].refresher
    assert refresher.refresh("ada", "suggestions", force=True) == "refreshed"
    before = people.get("ada", "/v1/me/suggestions").json
    assert before["from_view"] and before["items"] == []

    added = people.post(
        "ada",
        "/v1/me/positions",
        {"organization": {"id": "org-acme"}, "title": "CTO", "start": "2024-01"},
    )
    assert added.status_code == 201, added.json
    after = people.get("ada", "/v1/me/suggestions").json
    assert [s["id"] for s in after["items"]] == ["bob"]
    refresher.wait_idle()
    viewed = people.get("ada", "/v1/me/suggestions").json
    assert viewed["from_view"] and viewed["items"] == after["items"]
    assert {"code": "worked_together", "text": "Worked together at Acme since 2024"} in viewed[
        "items"
    ][0]["reasons"]
