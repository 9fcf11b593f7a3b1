"""A broker who worked or studied with the target ranks higher, with the reason (intros.brokers
v4 on, docs/intros.md): on random graphs with organizations, overlapping tenures, closeness
ratings, blocks and hidden connection lists, every brokers list equals a plain-Python ranking
(harness/inmemory.py's ties, the closeness terms and the shared connections)."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.network.parts import SCORE_WEIGHTS, TIES
from backend.reasons import together
from tests.support.auth import AuthActions
from tests.support.discovery import build_with_model, graphs, token_of
from tests.support.graph import connect
from tests.support.pages import all_pages
from tests.support.ties import THIS_MONTH, build_careers, careers

SMALL_TIES = {"months": 24, "group": 2, "max_size": 5}
LEVELS = {"close": 3, "known": 2, "acquaintance": 1}
VERBS = {"work": ("worked_with_target", "Worked"), "study": ("studied_with_target", "Studied")}


def expected_brokers(model, ratings: dict, me: str, target: str) -> list[tuple[str, list]]:
    """[(broker, tie reasons)], best first: your rating of the broker, then the score
    (2 x the broker's rating of the target + of you + min(3, tie points / 1000); these graphs
    have no recommendations or introductions), then shared connections, then id."""

    def level(a, b):
        return LEVELS.get(ratings.get((a, b)), 0)

    mine, theirs = model.adjacency[me], model.adjacency[target]
    ranked = []
    for b in mine & theirs - {me, target}:
        if frozenset((b, me)) in model.blocks or frozenset((b, target)) in model.blocks:
            continue
        ties = model.ties(b, target, SCORE_WEIGHTS, TIES, THIS_MONTH)
        points = sum(tie["points"] for tie in ties)
        score = 2 * level(b, target) + level(b, me) + (3.0 if points > 3000 else points / 1000.0)
        around = model.adjacency[b]
        shared = len(around & mine - {target}) + len(around & theirs - {me})
        reasons = [
            {
                "code": VERBS[t["kind"]][0],
                "text": f"{VERBS[t['kind']][1]} with {target_name(target)} at {together(t)}",
            }
            for kind in ("work", "study")
            for t in ties
            if t["kind"] == kind
        ]
        ranked.append(((-level(me, b), -score, -shared, b), b, reasons))
    return [(b, reasons) for _, b, reasons in sorted(ranked)]


def target_name(person_id: str) -> str:
    return f"Person {person_id}"  # as tests/support/discovery.py names people


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), graph=graphs())
def test_brokers_with_ties_match_plain_python(
    data, graph, cypher, client, complements, monkeypatch
):
    for key, value in SMALL_TIES.items():
        monkeypatch.setitem(TIES, key, value)
    people, _, _, _, _, callers = graph
    model = build_with_model(cypher, graph, complements)
    build_careers(cypher, model, data.draw(careers(sorted(people))))
    pairs = list(itertools.permutations(sorted(people), 2))
    ratings = data.draw(
        st.dictionaries(st.sampled_from(pairs), st.sampled_from(sorted(LEVELS)), max_size=6)
    )
    cypher(
        "UNWIND $ratings AS r MATCH (a:Person {id: r[0]}), (b:Person {id: r[1]}) "
        "CREATE (a)-[:CLOSENESS {level: r[2]}]->(b)",
        ratings=[[a, b, level] for (a, b), level in ratings.items()],
    )
    hidden = data.draw(st.sets(st.sampled_from(sorted(people))))
    cypher(
        "MATCH (p:Person) WHERE p.id IN $ids SET p.connections_visibility = 'private'",
        ids=sorted(hidden),
    )
    viewers = AuthActions(client, {me: token_of(me) for me in callers})
    for me, target in itertools.product(callers, sorted(people)):
        if target == me:
            continue
        response = viewers.get(me, f"/v1/people/{target}/brokers")
        if frozenset((me, target)) in model.blocks:
            assert response.status_code == 404
            continue
        items = all_pages(viewers, me, f"/v1/people/{target}/brokers", limit=2)
        got = [
            (
                item["person"]["id"],
                [
                    r
                    for r in item["reasons"]
                    if r["code"] in ("worked_with_target", "studied_with_target")
                ],
            )
            for item in items
        ]
        assert got == expected_brokers(model, ratings, me, target), (me, target)


def test_a_broker_who_worked_with_the_target_ranks_first_with_the_reason(cypher, client):
    """aa and zz look the same to Ada except that zz and Zed spent ten years together at a
    12-person firm: zz comes first (by id aa would), naming it; aa says nothing of it."""
    people = AuthActions(client)
    for person in ("ada", "aa", "zz", "zed"):
        people.add(cypher, person)
    for a, b in (("ada", "aa"), ("ada", "zz"), ("aa", "zed"), ("zz", "zed")):
        connect(cypher, a, b)
    cypher(
        """
        CREATE (o:Organization {id: 'org-small', kind: 'company', name: 'Acme', aliases: []})
        WITH o
        MATCH (zz:Person {id: 'zz'}), (zed:Person {id: 'zed'})
        CREATE (zz)-[:WORKED_AT {id: 'w1', title: 'CTO', start: $start, end: $end}]->(o)
        CREATE (zed)-[:WORKED_AT {id: 'w2', title: 'CEO', start: $start, end: null}]->(o)
        """,
        start=2010 * 12,
        end=2020 * 12 + 11,
    )
    items = people.get("ada", "/v1/people/zed/brokers").json["items"]
    assert [item["person"]["id"] for item in items] == ["zz", "aa"]
    assert {"code": "worked_with_target", "text": "Worked with Zed at Acme, 2010–2020"} in items[0][
        "reasons"
    ]
    assert [r["code"] for r in items[1]["reasons"]] == ["mutual_connection"]
