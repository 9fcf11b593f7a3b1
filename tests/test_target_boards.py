"""Target boards against plain Python on random graphs with organizations, overlapping tenures
(colleagues: the brokers' tie term), closeness ratings, blocks and hidden connection lists: the seeker's own board, and the board
as a coach it is shared with sees it (no more than the coach's own view of lists shows)."""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.network.parts import SCORE_WEIGHTS, TIES
from backend.targets import service
from backend.targets.service import REACH_LIMIT
from harness.inmemory import Stint
from tests.support.auth import AuthActions
from tests.support.discovery import build_with_model, graphs, token_of
from tests.support.ties import brokers_colleague_at_acme

ORGANIZATIONS = ("org-acme", "org-globex")
LEVELS = {"close": 3, "known": 2, "acquaintance": 1}
THIS_MONTH = 2026 * 12  # January 2026, the tests' clock


@st.composite
def careers(draw, people):
    """Stints (some overlapping, some current), closeness ratings, hidden lists."""
    stints = []
    for person in people:
        for _ in range(draw(st.integers(0, 2))):
            start = draw(st.integers(THIS_MONTH - 120, THIS_MONTH))
            end = draw(st.one_of(st.none(), st.integers(start, THIS_MONTH)))
            stints.append((person, draw(st.sampled_from(ORGANIZATIONS)), start, end))
    pairs = list(itertools.permutations(people, 2))
    ratings = draw(
        st.dictionaries(st.sampled_from(pairs), st.sampled_from(sorted(LEVELS)), max_size=8)
    )
    hidden = draw(st.sets(st.sampled_from(people)))
    return stints, ratings, hidden


def build_careers(cypher, stints, ratings, hidden) -> None:
    cypher("MATCH (n) WHERE n:Organization OR n:BoardRead DETACH DELETE n")
    cypher(
        "UNWIND $ids AS id CREATE (:Organization {id: id, kind: 'company', name: id, aliases: []})",
        ids=list(ORGANIZATIONS),
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
    cypher(
        "MATCH (p:Person) WHERE p.id IN $hidden SET p.connections_visibility = 'private'",
        hidden=sorted(hidden),
    )


class Board:
    """The board of ``me`` as ``viewer`` sees it, computed the obvious way."""

    def __init__(self, model, ratings, hidden, me, viewer):
        self.model, self.ratings, self.hidden = model, ratings, hidden
        self.me, self.viewer = me, viewer
        self.firsts = model.first(me)
        self.seconds = model.layers(me)[2]
        own = viewer == me
        self.unseen = set() if own else model.blocked_with(viewer)
        self.viewers = set() if own else model.adjacency[viewer]

    def points(self, a, b) -> int:
        return LEVELS.get(self.ratings.get((a, b)), 0)

    def shown_first(self, f) -> bool:
        return self.viewer == self.me or (
            f not in self.unseen
            and (self.me not in self.hidden or f == self.viewer or f in self.viewers)
        )

    def shown_step(self, b, c) -> bool:
        v = self.viewer
        return (
            v == self.me
            or v in (b, c)
            or c in self.viewers
            or (b not in self.hidden and b in self.viewers)
        )

    def brokers(self, c) -> set[str]:
        return {
            b
            for b in self.model.adjacency[c] & self.firsts
            if self.shown_first(b) and self.shown_step(b, c)
        }

    def people_at(self, organization, stints) -> dict[str, tuple[int, bool]]:
        """Who counts: person -> (degree, there now)."""
        there: dict[str, bool] = {}
        for person, org, _, end in stints:
            if org == organization:
                there[person] = there.get(person, False) or end is None
        found = {}
        for c, now in there.items():
            if c == self.me or c in self.model.blocked_with(self.me) or c in self.unseen:
                continue
            if c in self.firsts and self.shown_first(c):
                found[c] = (1, now)
            elif c in self.seconds and self.brokers(c):
                found[c] = (2, now)
        return found

    def strength(self, c, degree) -> tuple:
        if degree == 1:
            return (self.points(self.me, c), 0)
        return max(self.broker_key(b, c)[:2] for b in self.brokers(c))

    def broker_key(self, b, c) -> tuple:
        """intros.brokers' order, best first when sorted descending on all but the id."""
        me, adjacency = self.me, self.model.adjacency
        ties = self.model.ties(b, c, SCORE_WEIGHTS, TIES, THIS_MONTH)
        points = sum(tie["points"] for tie in ties)
        score = (
            2 * self.points(b, c) + self.points(b, me) + (3.0 if points > 3000 else points / 1000)
        )
        shared = len(adjacency[b] & adjacency[me] - {c}) + len(adjacency[b] & adjacency[c] - {me})
        return (self.points(me, b), score, shared)

    def best_broker(self, c) -> str:
        return min(self.brokers(c), key=lambda b: (*(-x for x in self.broker_key(b, c)), b))

    def expected(self, organization, stints) -> dict:
        found = self.people_at(organization, stints)
        counts = {
            name: {
                "current": sum(1 for d, now in found.values() if d == degree and now),
                "former": sum(1 for d, now in found.values() if d == degree and not now),
            }
            for degree, name in ((1, "first"), (2, "second"))
        }
        ranked = sorted(
            (c for c, (_, now) in found.items() if now),
            key=lambda c: (
                found[c][0],
                tuple(-x for x in self.strength(c, found[c][0])),
                c,
            ),
        )[:3]
        paths = [
            (c, found[c][0], self.best_broker(c) if found[c][0] == 2 else None) for c in ranked
        ]
        return {"network": counts, "paths": paths}


def seen(item) -> dict:
    return {
        "network": item["network"],
        "paths": [
            (p["person"]["id"], p["degree"], (p["broker"] or {}).get("id")) for p in item["paths"]
        ],
    }


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data(), graph=graphs(), reach_limit=st.sampled_from([0, REACH_LIMIT]))
def test_target_boards_match_plain_python(
    data, graph, reach_limit, cypher, client, complements, monkeypatch
):
    """Both ways of finding the people at the targets: from the seeker out (small reach) and
    from the targets' positions in (reach_limit 0: what a hub gets)."""
    monkeypatch.setattr(service, "REACH_LIMIT", reach_limit)
    people, connections, blocks, requests, dismissed, callers = graph
    model = build_with_model(cypher, graph, complements)
    stints, ratings, hidden = data.draw(careers(sorted(people)))
    build_careers(cypher, stints, ratings, hidden)
    # The same entries in the model, for the tie term (every entry here is a WORKED_AT).
    model.organizations = {org: org for org in ORGANIZATIONS}
    for person, org, start, end in stints:
        model.stints.setdefault(person, []).append(Stint("work", org, start, end))
    actors = AuthActions(client, {p: token_of(p) for p in people})

    for me in callers:
        cypher(
            "MATCH (me:Person {id: $me}), (o:Organization) "
            "CREATE (me)-[:TARGETS {position: CASE o.id WHEN $first THEN 1 ELSE 2 END, "
            "added_at: datetime()}]->(o)",
            me=me,
            first=ORGANIZATIONS[0],
        )
        board = actors.get(me, "/v1/me/targets").json["items"]
        assert [item["organization"]["id"] for item in board] == list(ORGANIZATIONS)
        reference = Board(model, ratings, hidden, me, me)
        for item in board:
            assert seen(item) == reference.expected(item["organization"]["id"], stints)
            for path in item["paths"]:
                if path["degree"] == 2:
                    brokers = actors.get(me, f"/v1/people/{path['person']['id']}/brokers").json
                    assert path["reasons"] == brokers["items"][0]["reasons"]

        # A coach: one of the seeker's connections, given the board.
        coaches = sorted(model.first(me))
        if not coaches:
            continue
        coach = data.draw(st.sampled_from(coaches))
        cypher(
            "MATCH (me:Person {id: $me}), (coach:Person {id: $coach}) "
            "CREATE (me)-[:SHARES_BOARD {since: datetime()}]->(coach)",
            me=me,
            coach=coach,
        )
        shared = actors.get(coach, f"/v1/people/{me}/targets")
        assert shared.status_code == 200, shared.json
        reference = Board(model, ratings, hidden, me, coach)
        for item in shared.json["items"]:
            assert seen(item) == reference.expected(item["organization"]["id"], stints), coach
            for path in item["paths"]:
                assert all(r["code"] != "your_closeness" for r in path["reasons"])


def test_a_colleague_of_their_broker_is_the_first_path(client, cypher):
    """pa and pz are Ada's 2nd connections at her target Acme, each through one broker; pz's
    broker worked with pz for ten years at a small firm (the brokers' tie term): pz is the
    first path, by id pa would be."""
    people = AuthActions(client)
    brokers_colleague_at_acme(people, cypher)
    cypher(
        "MATCH (ada:Person {id: 'ada'}), (acme:Organization {id: 'org-acme'}) "
        "CREATE (ada)-[:TARGETS {position: 1, added_at: datetime()}]->(acme)"
    )
    [item] = people.get("ada", "/v1/me/targets").json["items"]
    assert [(p["person"]["id"], p["broker"]["id"]) for p in item["paths"]] == [
        ("pz", "b2"),
        ("pa", "b1"),
    ]
