"""organization= and title= on GET /v1/me/second-degree: from a network view and live, every
page equals plain Python's ranking of the 2nd connections with a current stint that matches."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.support.auth import AuthActions
from tests.support.discovery import build_with_model, graphs, token_of
from tests.support.pages import all_pages

ORGANIZATIONS = ("org-acme", "org-tu")
TITLES = ("Staff Engineer", "engineering manager", "Recruiter")
THIS_MONTH = 2026 * 12


@st.composite
def stints(draw, people):
    drawn = []
    for person in people:
        for _ in range(draw(st.integers(0, 2))):
            end = draw(st.one_of(st.none(), st.just(THIS_MONTH - 1)))
            drawn.append(
                (person, draw(st.sampled_from(ORGANIZATIONS)), draw(st.sampled_from(TITLES)), end)
            )
    return drawn


def matches(person, drawn, organization=None, title=None) -> bool:
    return any(
        p == person
        and end is None
        and organization in (None, org)
        and (title is None or title.lower() in job.lower())
        for p, org, job, end in drawn
    )


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), graph=graphs())
def test_career_filters_on_second_connections_match_plain_python(
    data, graph, cypher, make_app, complements
):
    callers = graph[-1]
    cypher("MATCH (n) WHERE n:NetworkView OR n:Organization DETACH DELETE n")
    model = build_with_model(cypher, graph, complements)
    drawn = data.draw(stints(sorted(graph[0])))
    cypher(
        "UNWIND $ids AS id CREATE (:Organization {id: id, kind: 'company', name: id, aliases: []})",
        ids=list(ORGANIZATIONS),
    )
    cypher(
        "UNWIND $stints AS s MATCH (p:Person {id: s[0]}), (o:Organization {id: s[1]}) "
        "CREATE (p)-[:WORKED_AT {id: randomUUID(), title: s[2], start: 2020 * 12, end: s[3]}]->(o)",
        stints=[list(s) for s in drawn],
    )
    tokens = {me: token_of(me) for me in callers}
    viewed_app = make_app(view_threshold=0, view_size=3)
    viewed = AuthActions(viewed_app.test_client(), tokens)
    live = AuthActions(make_app(view_max_age_s=0).test_client(), tokens)
    for me in callers:
        refresher = viewed_app.extensions["mutuals"].refresher
        assert refresher.refresh(me, "second", force=True) == "refreshed"
        for filters in (
            {"organization": "org-acme"},
            {"title": "ENGINEER"},
            {"organization": "org-tu", "title": "staff"},
            {"organization": "nope"},
        ):
            expected = [
                (person, mutuals)
                for person, mutuals in model.ranked_second_degree(me)
                if matches(person, drawn, **filters)
            ]
            for limit in (1, 3):
                pages = all_pages(viewed, me, "/v1/me/second-degree", limit, **filters)
                assert pages == all_pages(live, me, "/v1/me/second-degree", limit, **filters)
                assert [(i["id"], i["mutual_count"]) for i in pages] == expected, filters
        # The view answered (pages past its 3 entries, or a narrow filter, go live).
        assert viewed.get(me, "/v1/me/second-degree", limit=1).json["from_view"] is True
