"""Random changes through the API, and the stored network views checked against plain Python
after each (tests/test_view_deltas.py).

A :class:`World` holds the graph twice: in Neo4j (changed only through the API, as users do)
and in plain Python (harness/inmemory.py, changed by the same operation). :func:`check_views`
reads every ranked view part and checks the maintained invariant: each entry's key (mutual
count, score), mutual count and sample are exact, and the entries above the floor are exactly
the best candidates of the plain-Python ranking down to that floor; and every counts part
equals the plain-Python counts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from backend.network.parts import MUTUAL_SAMPLE_SIZE, SCORE_WEIGHTS, SUGGESTION_POOL_SIZE, TIES
from harness.inmemory import Network
from tests.support.auth import AuthActions
from tests.support.ties import THIS_MONTH, month_text, random_stint

LOCATIONS = ["Berlin", "Lagos"]
PROFESSIONS = ["Software Engineer", "Product Manager", "Founder"]

VIEWS = """
MATCH (v:NetworkView) WHERE v.keys IS NOT NULL AND v.computed_at IS NOT NULL
MATCH (p:Person {id: v.person_id})
RETURN v.person_id AS holder, v.part AS part, v.ids AS ids, v.keys AS keys,
       v.mutual_counts AS mutual_counts, v.samples AS samples, v.floor_key AS floor_key,
       v.floor_id AS floor_id, v.version = coalesce(p.network_version, 0) AS current
ORDER BY holder, part
"""

COUNTS = """
MATCH (v:NetworkView {part: 'counts'}) WHERE v.computed_at IS NOT NULL
MATCH (p:Person {id: v.person_id})
RETURN v.person_id AS holder, {first: v.first, second: v.second, third: v.third} AS counts,
       v.version = coalesce(p.network_version, 0) AS current
ORDER BY holder
"""


@dataclass
class World:
    model: Network
    tokens: dict[str, str]
    rng: random.Random
    applied: list[str] = field(default_factory=list)
    blocked_by: set[tuple[str, str]] = field(default_factory=set)  # (who, whom)

    @property
    def people(self) -> list[str]:
        return sorted(self.tokens)

    def named(self, done: str) -> set[str]:
        """The people an operation (as :meth:`step` returns it) changed."""
        return set(done.split()) & set(self.tokens)

    def pick_two(self) -> tuple[str, str]:
        a, b = self.rng.sample(self.people, 2)
        return a, b

    def holder_and_stranger(self, a: str) -> tuple[str, str]:
        """A connection of ``a`` (the holder) and someone connected to neither: when ``a``
        and the stranger connect, the stranger becomes the holder's 2nd connection."""
        holder = sorted(self.model.adjacency[a])[0]
        near = {a, holder} | self.model.adjacency[a] | self.model.adjacency[holder]
        return holder, next(p for p in self.people if p not in near)

    def call(self, client, method: str, person: str, path: str, **kwargs):
        return AuthActions(client, self.tokens).open(person, method, path, **kwargs)

    # -- operations: through the API, mirrored in plain Python when they succeed ------------

    def step(self, client) -> str:
        """One random operation (a few tries until one applies); returns what it did."""
        for _ in range(20):
            kind = self.rng.choices(
                [
                    "connect",
                    "remove",
                    "block",
                    "unblock",
                    "dismiss",
                    "profile",
                    "request",
                    "career",
                ],
                weights=[6, 3, 1, 1, 1, 1, 1, 1],
            )[0]
            done = getattr(self, f"_{kind}")(client)
            if done:
                self.applied.append(done)
                return done
        raise AssertionError("no operation applies to this graph")

    def _connected(self, a, b) -> bool:
        return b in self.model.adjacency[a]

    def _blocked(self, a, b) -> bool:
        return frozenset((a, b)) in self.model.blocks

    def _connect(self, client):
        a, b = self.pick_two()
        if self._connected(a, b) or self._blocked(a, b) or (b, a) in self.model.requests:
            return None
        if (a, b) not in self.model.requests:
            sent = self.call(client, "POST", a, "/v1/me/requests", json={"to": b})
            if sent.status_code != 201:  # a hold after a withdrawal, say
                return None
        accepted = self.call(client, "POST", b, f"/v1/me/requests/incoming/{a}/accept")
        assert accepted.status_code == 201, accepted.json
        self.model.requests.discard((a, b))
        self.model.connect(a, b)
        return f"connect {a} {b}"

    def _request(self, client):
        a, b = self.pick_two()
        if (a, b) in self.model.requests:
            withdrawn = self.call(client, "DELETE", a, f"/v1/me/requests/outgoing/{b}")
            assert withdrawn.status_code == 204, withdrawn.json
            self.model.requests.discard((a, b))
            return f"withdraw {a} {b}"
        if self._connected(a, b) or self._blocked(a, b) or (b, a) in self.model.requests:
            return None
        sent = self.call(client, "POST", a, "/v1/me/requests", json={"to": b})
        if sent.status_code != 201:
            return None
        self.model.requests.add((a, b))
        return f"request {a} {b}"

    def _remove(self, client):
        a = self.rng.choice(self.people)
        if not self.model.adjacency[a]:
            return None
        b = self.rng.choice(sorted(self.model.adjacency[a]))
        removed = self.call(client, "DELETE", a, f"/v1/me/connections/{b}")
        assert removed.status_code == 204, removed.json
        self._disconnect(a, b)
        return f"remove {a} {b}"

    def _disconnect(self, a, b):
        self.model.adjacency[a].discard(b)
        self.model.adjacency[b].discard(a)

    def _block(self, client):
        a, b = self.pick_two()
        blocked = self.call(client, "PUT", a, f"/v1/me/blocks/{b}")
        assert blocked.status_code == 204, blocked.json
        self._disconnect(a, b)
        self.model.requests -= {(a, b), (b, a)}
        self.model.blocks.add(frozenset((a, b)))
        self.blocked_by.add((a, b))
        return f"block {a} {b}"

    def _unblock(self, client):
        mine = sorted(self.blocked_by)
        if not mine:
            return None
        a, b = self.rng.choice(mine)
        unblocked = self.call(client, "DELETE", a, f"/v1/me/blocks/{b}")
        assert unblocked.status_code == 204, unblocked.json
        self.blocked_by.discard((a, b))
        if (b, a) not in self.blocked_by:
            self.model.blocks.discard(frozenset((a, b)))
        return f"unblock {a} {b}"

    def _dismiss(self, client):
        a, b = self.pick_two()
        if self._blocked(a, b):  # hidden from each other: no such person
            return None
        dismissed = self.call(client, "POST", a, f"/v1/me/suggestions/{b}/dismiss")
        assert dismissed.status_code == 204, dismissed.json
        self.model.dismissed.add((a, b))
        return f"dismiss {a} {b}"

    def _profile(self, client):
        a = self.rng.choice(self.people)
        change = self.rng.choice(
            [
                {"location": self.rng.choice(LOCATIONS)},
                {"profession": self.rng.choice(PROFESSIONS)},
                {"skills": self.rng.sample(["python", "sql", "go"], self.rng.randint(0, 2))},
            ]
        )
        changed = self.call(client, "PATCH", a, "/v1/me", json=change)
        assert changed.status_code == 200, changed.json
        self.model.people[a].update(change)
        self.model._place_index = None  # its cache of who lives where
        return f"profile {a} {change}"

    def _career(self, client):
        """A position or education entry added, or one deleted (its dates and place)."""
        if not self.model.organizations:  # a world without careers (ego-Facebook)
            return None
        a = self.rng.choice(self.people)
        stints = self.model.stints.setdefault(a, [])
        if stints and self.rng.random() < 0.5:
            section = self.rng.choice(["positions", "education"])
            listed = self.call(client, "GET", a, f"/v1/me/{section}").json["items"]
            if not listed:
                return None
            entry = self.rng.choice(listed)
            place = entry["organization" if section == "positions" else "school"]["id"]
            kind = "work" if section == "positions" else "study"
            start, end = (month_of_text(entry[key]) for key in ("start", "end"))
            deleted = self.call(client, "DELETE", a, f"/v1/me/{section}/{entry['id']}")
            assert deleted.status_code == 204, deleted.json
            stints.remove(
                next(
                    s
                    for s in stints
                    if (s.kind, s.organization, s.start, s.end) == (kind, place, start, end)
                )
            )
            return f"career {a} left {place}"
        stint = random_stint(self.rng)
        section, field = (
            ("positions", "organization") if stint.kind == "work" else ("education", "school")
        )
        body = {
            field: {"id": stint.organization},
            "start": month_text(stint.start),
            "end": month_text(stint.end),
        }
        if stint.kind == "work":
            body["title"] = "Engineer"
        added = self.call(client, "POST", a, f"/v1/me/{section}", json=body)
        assert added.status_code == 201, added.json
        stints.append(stint)
        return f"career {a} joined {stint}"


def month_of_text(text: str | None) -> int | None:
    if text is None:
        return None
    year, month = text.split("-")
    return int(year) * 12 + int(month) - 1


def expected(model: Network, holder: str, part: str) -> list[tuple[str, int, int, list[str]]]:
    """[(id, key, mutual_count, sample)] of a ranked part, best first, in plain Python."""
    if part == "second":
        ranked = model.ranked_second_degree(holder)
    else:
        ranked = model.suggestions(holder, SCORE_WEIGHTS, SUGGESTION_POOL_SIZE, TIES, THIS_MONTH)
    rows = []
    for person, key in ranked:
        mutuals = sorted(model.mutuals(holder, person))
        sample = mutuals[:MUTUAL_SAMPLE_SIZE]
        rows.append((person, key, len(mutuals), sample + [""] * (MUTUAL_SAMPLE_SIZE - len(sample))))
    return rows


def left_out_at_read(model: Network, holder: str, part: str) -> set[str]:
    """Who a page query leaves out row by row, whatever the view holds (requests, dismissals)."""
    if part == "second":
        return set()
    return (
        {b for a, b in model.requests if a == holder}
        | {a for a, b in model.requests if b == holder}
        | {b for a, b in model.dismissed if a == holder}
    )


def check_views(cypher, model: Network) -> list[str]:
    """Every mismatch between the stored view parts and plain Python (none is right): the
    ranked parts' entries and floors, and the counts. Also requires every part to be current:
    served, not waiting for a refresh."""
    mismatches = []
    for view in cypher(COUNTS):
        where = f"{view['holder']}/counts"
        if not view["current"]:
            mismatches.append(f"{where}: outdated")
        elif view["counts"] != model.network_counts(view["holder"]):
            mismatches.append(
                f"{where}: stored {view['counts']}, plain Python "
                f"{model.network_counts(view['holder'])}"
            )
    for view in cypher(VIEWS):
        holder, part = view["holder"], view["part"]
        where = f"{holder}/{part}"
        if not view["current"]:
            mismatches.append(f"{where}: outdated")
            continue
        truth = expected(model, holder, part)
        by_id = {row[0]: row for row in truth}
        skipped = left_out_at_read(model, holder, part)
        stride = MUTUAL_SAMPLE_SIZE
        stored = [
            (
                person,
                view["keys"][i],
                view["mutual_counts"][i],
                view["samples"][i * stride : (i + 1) * stride],
            )
            for i, person in enumerate(view["ids"])
            if person not in skipped
        ]
        for row in stored:
            if by_id.get(row[0]) != row:
                mismatches.append(f"{where}: stored {row}, plain Python {by_id.get(row[0])}")

        floor_key, floor_id = view["floor_key"], view["floor_id"]
        want = [r for r in truth if above(r, floor_key, floor_id) and r[0] not in skipped]
        have = [r for r in stored if above(r, floor_key, floor_id)]
        if have != want:
            mismatches.append(f"{where}: above the floor {have}, plain Python {want}")
    return mismatches


def above(row: tuple, floor_key: int, floor_id: str) -> bool:
    """Whether an entry ranks above a view's floor (key desc, then id)."""
    return row[1] > floor_key or (row[1] == floor_key and row[0] < floor_id)
