"""Network discovery in plain Python with sets: the reference the tests and the benchmark
compare Neo4j's answers with. Deliberately independent of the Cypher files: breadth-first
search over adjacency sets, written the obvious way.

Rules it encodes (the same as backend/network/service.py documents): people blocked either
way with the viewer are removed from the graph before anything is computed; ids order ties.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Stint:
    """A position (``kind`` "work") or an education entry ("study"), months as integers."""

    kind: str
    organization: str
    start: int | None
    end: int | None


@dataclass
class Network:
    people: dict[str, dict] = field(default_factory=dict)  # id -> properties
    adjacency: dict[str, set[str]] = field(default_factory=dict)
    blocks: set[frozenset] = field(default_factory=set)
    requests: set[tuple[str, str]] = field(default_factory=set)  # (from, to), pending or ignored
    dismissed: set[tuple[str, str]] = field(default_factory=set)  # (who, whom)
    complements: set[frozenset] = field(default_factory=set)  # pairs of profession names
    # Accepted recommendations: (writer, whom); LinkedIn exports: (who listed, whom it matched).
    recommendations: set[tuple[str, str]] = field(default_factory=set)
    contacts: set[tuple[str, str]] = field(default_factory=set)
    # Careers: person -> [Stint]; organization id -> name.
    stints: dict[str, list[Stint]] = field(default_factory=dict)
    organizations: dict[str, str] = field(default_factory=dict)
    _place_index: dict | None = field(default=None, repr=False)

    @classmethod
    def from_pairs(
        cls, pairs: Iterable[tuple[str, str]], people: dict[str, dict] | None = None, **rest
    ) -> Network:
        network = cls(people=dict(people or {}), **rest)
        for a, b in pairs:
            network.connect(a, b)
        for person in network.people:
            network.adjacency.setdefault(person, set())
        return network

    def connect(self, a: str, b: str) -> None:
        self.adjacency.setdefault(a, set()).add(b)
        self.adjacency.setdefault(b, set()).add(a)
        self.people.setdefault(a, {})
        self.people.setdefault(b, {})

    # -- distances -------------------------------------------------------------------------

    def blocked_with(self, me: str) -> set[str]:
        return {other for pair in self.blocks if me in pair for other in pair if other != me}

    def layers(self, me: str, depth: int = 3) -> list[set[str]]:
        """[{me}, 1st, 2nd, 3rd, ...] by breadth-first search without the blocked people."""
        blocked = self.blocked_with(me)
        seen = {me} | blocked
        levels = [{me}]
        for _ in range(depth):
            frontier = {n for p in levels[-1] for n in self.adjacency.get(p, ())} - seen
            seen |= frontier
            levels.append(frontier)
        return levels

    def degree(self, me: str, other: str) -> int | None:
        if other in self.blocked_with(me):
            return None
        for distance, level in enumerate(self.layers(me)):
            if other in level:
                return distance
        return None

    def network_counts(self, me: str) -> dict:
        _, first, second, third = self.layers(me)
        return {"first": len(first), "second": len(second), "third": len(third)}

    def mutuals(self, me: str, other: str) -> set[str]:
        return (
            self.adjacency.get(me, set()) & self.adjacency.get(other, set())
        ) - self.blocked_with(me)

    def first(self, me: str) -> set[str]:
        return self.adjacency.get(me, set()) - self.blocked_with(me)

    def second_degree(self, me: str) -> dict[str, int]:
        """2nd connection -> mutual count: each 1st connection's connections counted once."""
        first = self.first(me)
        counts = Counter(n for f in first for n in self.adjacency[f])
        for person in first | {me} | self.blocked_with(me):
            counts.pop(person, None)
        return dict(counts)

    def ranked_second_degree(
        self, me: str, location=None, industry=None, profession=None, skill=None
    ) -> list[tuple[str, int]]:
        """[(id, mutual_count)], best first, after the filters (skill in any case)."""
        rows = []
        for c, count in self.second_degree(me).items():
            props = self.people.get(c, {})
            if location is not None and props.get("location") != location:
                continue
            if industry is not None and props.get("industry") != industry:
                continue
            if profession is not None and props.get("profession") != profession:
                continue
            if skill is not None and skill.lower() not in {
                s.lower() for s in props.get("skills") or []
            }:
                continue
            rows.append((c, count))
        return sorted(rows, key=lambda row: (-row[1], row[0]))

    def path(self, me: str, other: str, max_paths: int) -> tuple[int | None, list[tuple[str, ...]]]:
        """(degree, the first max_paths shortest paths) meeting in the middle: the two
        people's connections, then the connections between those."""
        blocked = self.blocked_with(me)
        if other in blocked:
            return None, []
        if other == me:
            return 0, [(me,)]
        mine, theirs = self.first(me), self.adjacency.get(other, set()) - blocked
        if other in mine:
            return 1, [(me, other)]
        if middle := mine & theirs:
            return 2, [(me, m, other) for m in sorted(middle)[:max_paths]]
        pairs = sorted((a, b) for a in mine for b in self.adjacency[a] & theirs)
        return (3, [(me, a, b, other) for a, b in pairs[:max_paths]]) if pairs else (None, [])

    def shortest_paths(self, me: str, other: str) -> list[tuple[str, ...]]:
        """Every shortest path of up to 3 hops avoiding blocked people, ordered by the ids
        along the way."""
        degree = self.degree(me, other)
        if degree is None:
            return []
        blocked = self.blocked_with(me)
        paths = [(me,)]
        for _ in range(degree):
            paths = [
                path + (n,)
                for path in paths
                for n in self.adjacency.get(path[-1], ())
                if n not in blocked and n not in path
            ]
        return sorted(path for path in paths if path[-1] == other)

    # -- suggestions -----------------------------------------------------------------------

    def suggestions(
        self, me: str, weights: dict, pool_size: int, ties: dict | None = None, now_month=None
    ) -> list[tuple[str, int]]:
        """[(id, points)], best first. Candidates: 2nd connections, the pool_size people with
        the lowest ids who share my location and my or a complementary profession, my LinkedIn
        contacts (listed either way), and (with ``ties``) the people I worked or studied with,
        scored by :meth:`ties`; a candidate my connections recommended gains for each."""
        first = self.first(me)
        mine = self.people.get(me, {})
        complements = {
            other
            for pair in self.complements
            if mine.get("profession") in pair
            for other in pair
            if other != mine.get("profession")
        }
        points = Counter()
        for f in first:
            weight = (
                _adamic_adar(weights["mutual"], len(self.adjacency[f]))
                if len(self.adjacency[f]) > 1
                else 0
            )
            for n in self.adjacency[f]:
                points[n] += weight
        if mine.get("location") is not None:
            same_place = self._by_location_and_profession()
            pool = sorted(
                p
                for profession in complements | {mine.get("profession")}
                for p in same_place.get((mine["location"], profession), ())
                if p != me
            )
            for p in pool[:pool_size]:
                points[p] += 0
        if ties is not None:
            for other in self.people:
                if other != me and (found := self.ties(me, other, weights, ties, now_month)):
                    points[other] += sum(tie["points"] for tie in found)
        for other in self.linkedin_contacts(me):
            points[other] += weights["linkedin"]
        for other in list(points):  # a recommendation adds to a candidate, it does not make one
            points[other] += weights["recommended"] * self.recommended_by(me, other)
        excluded = (
            first
            | {me}
            | self.blocked_with(me)
            | {b for a, b in self.requests if a == me}
            | {a for a, b in self.requests if b == me}
            | {b for a, b in self.dismissed if a == me}
        )
        my_skills = {s.lower() for s in mine.get("skills") or []}
        scored = []
        for c, score in points.items():
            if c in excluded:
                continue
            props = self.people.get(c, {})
            for key in ("location", "industry", "profession"):
                if props.get(key) is not None and props.get(key) == mine.get(key):
                    score += weights[key]
            if props.get("profession") in complements:
                score += weights["complementary"]
            score += weights["skill"] * sum(
                1 for s in props.get("skills") or [] if s.lower() in my_skills
            )
            scored.append((c, score))
        return sorted(scored, key=lambda row: (-row[1], row[0]))

    def linkedin_contacts(self, me: str) -> set[str]:
        """Whom my LinkedIn export lists, and whose export lists me."""
        return {b for a, b in self.contacts if a == me} | {a for a, b in self.contacts if b == me}

    def recommended_by(self, me: str, other: str) -> int:
        """How many of my connections wrote ``other`` an accepted recommendation."""
        first = self.first(me)
        return sum(1 for writer, whom in self.recommendations if whom == other and writer in first)

    def organization_size(self, kind: str, organization: str) -> int:
        return sum(
            1
            for stints in self.stints.values()
            for stint in stints
            if (stint.kind, stint.organization) == (kind, organization)
        )

    def ties(self, me: str, other: str, weights: dict, ties: dict, now_month: int) -> list[dict]:
        """Where the two worked or studied together: one dict per organization of at most
        ``ties["max_size"]`` entries where an entry of each overlaps (starts known, end None =
        now_month, both ends count): {kind, id, name, from, to (None: both still there),
        months, points}, latest first, then by id; points = weight * min(months, M) * G /
        (M * max(size, G)), rounded down."""
        found = []
        mine, theirs = self.stints.get(me, []), self.stints.get(other, [])
        for kind, weight in (("work", weights["colleague"]), ("study", weights["classmate"])):
            by_org: dict[str, list[tuple[int, int | None]]] = {}
            for a in mine:
                for b in theirs:
                    if a.kind != kind or b.kind != kind or a.organization != b.organization:
                        continue
                    if a.start is None or b.start is None:
                        continue
                    start = max(a.start, b.start)
                    last = min(now_month if e is None else e for e in (a.end, b.end))
                    ends = [e for e in (a.end, b.end) if e is not None]
                    if last - start + 1 > 0:
                        overlap = (start, min(ends) if ends else None, last - start + 1)
                        by_org.setdefault(a.organization, []).append(overlap)
            for org, overlaps in by_org.items():
                size = self.organization_size(kind, org)
                if size > ties["max_size"]:
                    continue
                months = sum(length for _, _, length in overlaps)
                capped = min(months, ties["months"])
                points = (
                    weight * capped * ties["group"] // (ties["months"] * max(size, ties["group"]))
                )
                ends = [end for _, end, _ in overlaps]
                found.append(
                    {
                        "kind": kind,
                        "id": org,
                        "name": self.organizations[org],
                        "from": min(start for start, _, _ in overlaps),
                        "to": None if None in ends else max(ends),
                        "months": months,
                        "points": points,
                    }
                )
        # Latest first (ongoing before all), then id.
        return sorted(found, key=lambda t: (t["to"] is not None, -(t["to"] or 0), t["id"]))

    def _by_location_and_profession(self) -> dict[tuple, list[str]]:
        if self._place_index is None:
            self._place_index = {}
            for person, props in self.people.items():
                if props.get("location") is not None and props.get("profession") is not None:
                    self._place_index.setdefault(
                        (props["location"], props["profession"]), []
                    ).append(person)
        return self._place_index


def _adamic_adar(weight: int, degree: int) -> int:
    # Half up, as Cypher's round() does.
    return int(math.floor(weight / math.log(degree) + 0.5))
