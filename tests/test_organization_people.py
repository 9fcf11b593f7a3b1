"""Who do I know at X, against plain Python on random graphs with organizations, overlapping
tenures (colleagues: the brokers' tie term), closeness ratings and blocks; and the organization
page's counts."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.network.parts import SCORE_WEIGHTS, TIES
from harness.inmemory import Stint
from tests.support.auth import AuthActions
from tests.support.discovery import build_with_model, graphs, token_of
from tests.support.graph import connect
from tests.support.pages import all_pages

ORGANIZATIONS = {"org-acme": "company", "org-tu": "school"}
LEVELS = {"close": 3.0, "known": 2.0, "acquaintance": 1.0}
THIS_MONTH = 2026 * 12  # January 2026, the tests' clock


@st.composite
def careers(draw, people):
    """Stints at the two organizations (some overlapping, some current), and closeness ratings."""
    stints = []
    for person in people:
        for _ in range(draw(st.integers(0, 2))):
            start = draw(st.integers(THIS_MONTH - 120, THIS_MONTH))
            end = draw(st.one_of(st.none(), st.integers(start, THIS_MONTH)))
            stints.append((person, draw(st.sampled_from(sorted(ORGANIZATIONS))), start, end))
    pairs = list(itertools.permutations(people, 2))
    ratings = draw(
        st.dictionaries(st.sampled_from(pairs), st.sampled_from(sorted(LEVELS)), max_size=6)
    )
    return stints, ratings


def build_careers(cypher, stints, ratings) -> None:
    cypher("MATCH (o:Organization) DETACH DELETE o")
    cypher(
        "UNWIND keys($organizations) AS id "
        "CREATE (:Organization {id: id, kind: $organizations[id], name: id, aliases: []})",
        organizations=ORGANIZATIONS,
    )
    cypher(
        "UNWIND $stints AS s MATCH (p:Person {id: s[0]}), (o:Organization {id: s[1]}) "
        "CREATE (p)-[:WORKED_AT {id: randomUUID(), title: 'T', start: s[2], end: s[3]}]->(o)",
        stints=[list(s) for s in stints],
    )
    cypher(
        "UNWIND $ratings AS r MATCH (a:Person {id: r[0]}), (b:Person {id: r[1]}) "
        "CREATE (a)-[:CLOSENESS {level: r[2]}]->(b)",
        ratings=[[a, b, level] for (a, b), level in ratings.items()],
    )


@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), graph=graphs())
def test_who_do_i_know_at_x_matches_plain_python(data, graph, cypher, client, complements):
    people, connections, blocks, requests, dismissed, callers = graph
    model = build_with_model(cypher, graph, complements)
    stints, ratings = data.draw(careers(sorted(people)))
    build_careers(cypher, stints, ratings)
    # The same entries in the model, for the tie term (every entry here is a WORKED_AT).
    model.organizations = {org: org for org in ORGANIZATIONS}
    for person, org, start, end in stints:
        model.stints.setdefault(person, []).append(Stint("work", org, start, end))

    viewers = AuthActions(client, {me: token_of(me) for me in callers})
    for me, organization in itertools.product(callers, ORGANIZATIONS):
        there = {}
        for person, org, _, end in stints:
            if org == organization and person != me and person not in model.blocked_with(me):
                there[person] = there.get(person, False) or end is None
        degrees = {person: model.degree(me, person) for person in there}

        page = viewers.get(me, f"/v1/organizations/{organization}").json
        assert page["network"] == {
            name: {
                "current": sum(1 for p, now in there.items() if degrees[p] == d and now),
                "former": sum(1 for p, now in there.items() if degrees[p] == d and not now),
            }
            for d, name in ((1, "first"), (2, "second"), (3, "third"))
        }

        for wanted, tenure in itertools.product(
            ([1], [2], [3], [1, 2, 3]), ("current", "former", "any")
        ):
            items = all_pages(
                viewers,
                me,
                f"/v1/organizations/{organization}/people",
                limit=2,
                degree=",".join(map(str, wanted)),
                tenure=tenure,
            )
            expected = {
                person
                for person, now in there.items()
                if degrees[person] in wanted and (tenure == "any" or now == (tenure == "current"))
            }
            assert {item["person"]["id"] for item in items} == expected
            assert len(items) == len(expected), (items, wanted, tenure)
            for item in items:
                person = item["person"]["id"]
                assert item["degree"] == degrees[person]
                assert item["tenure"] == ("current" if there[person] else "former")
                if item["degree"] == 2:
                    brokers = viewers.get(me, f"/v1/people/{person}/brokers").json["items"]
                    assert item["brokers"] == brokers[:3]
                    assert item["broker_count"] == len(model.mutuals(me, person))
                else:
                    assert item["brokers"] == []
            assert [item["person"]["id"] for item in items] == sorted(
                expected, key=lambda person: ranking(model, ratings, me, person)
            )


def ranking(model, ratings, me, person) -> tuple:
    """The order of organizations.people in plain Python (no recommendations or introductions
    in these graphs): degree, then the best path, strongest first, then id. A 2nd-degree
    person's path is their best broker's (your rating of the broker, then the broker's score as
    GET /v1/people/{id}/brokers has it: closeness and the colleague tie term)."""

    def points(a, b) -> float:
        return LEVELS.get(ratings.get((a, b)), 0.0)

    def tie(b) -> float:
        total = sum(t["points"] for t in model.ties(b, person, SCORE_WEIGHTS, TIES, THIS_MONTH))
        return 3.0 if total > 3000 else total / 1000.0

    degree = model.degree(me, person)
    if degree == 1:
        strength = (points(me, person), 0.0)
    elif degree == 2:
        strength = max(
            (points(me, b), 2 * points(b, person) + points(b, me) + tie(b))
            for b in model.mutuals(me, person)
        )
    else:
        strength = (0.0, 0.0)
    return degree, tuple(-x for x in strength), person


def test_tenure_title_and_years_come_from_the_stints(client, cypher, clock):
    people = AuthActions(client)
    for who in ("ada", "bob", "cy"):
        people.add(cypher, who)
    connect(cypher, "ada", "bob")
    connect(cypher, "bob", "cy")
    acme = {"name": "Acme"}
    first = people.post(
        "cy",
        "/v1/me/positions",
        {"organization": acme, "title": "Intern", "start": "2015-01", "end": "2015-12"},
    ).json
    people.post(
        "cy", "/v1/me/positions", {"organization": acme, "title": "CTO", "start": "2024-01"}
    )
    organization = first["organization"]["id"]
    [item] = people.get("ada", f"/v1/organizations/{organization}/people").json["items"]
    assert (item["tenure"], item["title"], item["start"], item["end"]) == (
        "current",
        "CTO",
        "2015-01",
        None,
    )
    assert item["years"] == round((12 + 25) / 12, 1)  # 2015 and Jan 2024 - Jan 2026
    assert item["degree"] == 2 and item["brokers"][0]["person"]["id"] == "bob"
    assert (
        people.get("ada", f"/v1/organizations/{organization}/people", tenure="former").json["items"]
        == []
    )
    # Blocking the broker's target hides them; an unknown organization is 404.
    assert people.put("ada", "/v1/me/blocks/cy").status_code == 204
    assert people.get("ada", f"/v1/organizations/{organization}/people").json["items"] == []
    assert people.get("ada", "/v1/organizations/nope/people").status_code == 404
    bad = people.get("ada", f"/v1/organizations/{organization}/people", degree="4")
    assert bad.status_code == 422


def test_a_colleague_of_their_broker_ranks_first(client, cypher):
    """pa and pz are both Ada's 2nd connections at Acme, each through one broker; pz's broker
    worked with pz for ten years at a 12-person firm (the brokers' tie term): pz comes first, by
    id pa would."""
    people = AuthActions(client)
    for who in ("ada", "b1", "b2", "pa", "pz"):
        people.add(cypher, who)
    for a, b in (("ada", "b1"), ("b1", "pa"), ("ada", "b2"), ("b2", "pz")):
        connect(cypher, a, b)
    cypher(
        """
        CREATE (acme:Organization {id: 'org-acme', kind: 'company', name: 'Acme', aliases: []})
        CREATE (small:Organization {id: 'org-small', kind: 'company', name: 'Small', aliases: []})
        WITH acme, small
        MATCH (pa:Person {id: 'pa'}), (pz:Person {id: 'pz'}), (b2:Person {id: 'b2'})
        CREATE (pa)-[:WORKED_AT {id: 'w1', title: 'T', start: $now, end: null}]->(acme)
        CREATE (pz)-[:WORKED_AT {id: 'w2', title: 'T', start: $now, end: null}]->(acme)
        CREATE (pz)-[:WORKED_AT {id: 'w3', title: 'T', start: $start, end: $end}]->(small)
        CREATE (b2)-[:WORKED_AT {id: 'w4', title: 'T', start: $start, end: $end}]->(small)
        """,
        now=THIS_MONTH - 1,
        start=2010 * 12,
        end=2020 * 12 + 11,
    )
    items = people.get("ada", "/v1/organizations/org-acme/people").json["items"]
    assert [item["person"]["id"] for item in items] == ["pz", "pa"]
    assert items[0]["brokers"][0]["reasons"][1]["code"] == "worked_with_target"
