"""Suggestions from every candidate source at once (network.suggestions): on random graphs with
blocks, pending and ignored requests, dismissals, careers, accepted and pending recommendations
and LinkedIn contacts listed either way, the candidates, scores, mutual counts, recommendation
counts and LinkedIn reasons equal a plain-Python computation (harness/inmemory.py), page after
page. The statement scores the 2-hop candidates and the other sources' candidates apart
(docs/views.md, "Cold reads"): this is where a candidate reached both ways must add up once."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.network import service
from backend.network.parts import SCORE_WEIGHTS, SUGGESTION_POOL_SIZE, TIES
from tests.support.auth import AuthActions
from tests.support.discovery import build_with_model, graphs, token_of
from tests.support.pages import all_pages
from tests.support.ties import THIS_MONTH, build_careers, careers

SOURCES = """
MATCH (n) WHERE n:Recommendation OR n:Contact DETACH DELETE n
WITH count(*) AS gone
CALL (gone) {
  UNWIND $recommendations AS r
  MATCH (writer:Person {id: r.writer}), (whom:Person {id: r.whom})
  CREATE (writer)-[:WROTE]->(:Recommendation {id: r.key, pair: r.key, state: r.state})
         -[:FOR]->(whom)
}
CALL (gone) {
  UNWIND $contacts AS c
  MATCH (owner:Person {id: c.owner}), (whom:Person {id: c.whom})
  CREATE (owner)-[:HAS_CONTACT]->(:Contact {id: c.key, key: c.key})-[:MATCHES]->(whom)
}
"""


@st.composite
def sources(draw, people: list[str], callers: list[str]):
    """Recommendations ((writer, whom) -> state) and LinkedIn listings ((owner, whom)); the
    listings mostly involve a caller, where they change the answers."""
    pairs = list(itertools.permutations(people, 2))
    recommendations = draw(
        st.dictionaries(
            st.sampled_from(pairs), st.sampled_from(["accepted", "pending"]), max_size=10
        )
    )
    contacts = {
        (a, b) if draw(st.booleans()) else (b, a)
        for a, b in draw(
            st.lists(
                st.tuples(st.sampled_from(callers + people), st.sampled_from(people)), max_size=5
            )
        )
        if a != b
    }
    return recommendations, contacts


def recommended_by(suggestion: dict) -> int:
    """How many connections recommended them, as the reasons say it."""
    for reason in suggestion["reasons"]:
        if reason["code"] == "recommended_by_connections":
            return int(reason["text"].split()[2])
    return 0


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), graph=graphs())
def test_every_candidate_source_matches_plain_python(data, graph, cypher, make_app, complements):
    people, _, _, _, _, callers = graph
    model = build_with_model(cypher, graph, complements)
    build_careers(cypher, model, data.draw(careers(sorted(people))))
    recommendations, contacts = data.draw(sources(sorted(people), callers))
    cypher(
        SOURCES,
        recommendations=[
            {"writer": a, "whom": b, "state": state, "key": f"{a}>{b}"}
            for (a, b), state in sorted(recommendations.items())
        ],
        contacts=[{"owner": a, "whom": b, "key": f"{a}>{b}"} for a, b in sorted(contacts)],
    )
    model.recommendations = {pair for pair, state in recommendations.items() if state == "accepted"}
    model.contacts = set(contacts)

    live = make_app(view_max_age_s=0)
    people_as = AuthActions(live.test_client(), {me: token_of(me) for me in callers})
    for me in callers:
        expected = model.suggestions(me, SCORE_WEIGHTS, SUGGESTION_POOL_SIZE, TIES, THIS_MONTH)
        suggested = all_pages(people_as, me, "/v1/me/suggestions", limit=3)
        assert [(s["id"], round(s["score"] * service.SCORE_SCALE)) for s in suggested] == expected
        for s in suggested:
            other = s["id"]
            assert s["mutual_count"] == len(model.mutuals(me, other))
            assert recommended_by(s) == model.recommended_by(me, other)
            assert any(r["code"] == "linkedin_contact" for r in s["reasons"]) == (
                other in model.linkedin_contacts(me)
            )
