"""Careers for the tie tests: random positions and education entries at a few organizations
(overlapping, current, with unknown starts), put into Neo4j and into the plain-Python model
(harness/inmemory.py) alike."""

from __future__ import annotations

import random

from hypothesis import strategies as st

from harness.inmemory import Network, Stint
from tests.support.graph import connect

THIS_MONTH = 2026 * 12  # January 2026: the tests' clock (START in tests/conftest.py)
# id -> (kind, name); two companies and a school, so that sizes differ.
ORGANIZATIONS = {
    "org-acme": ("company", "Acme"),
    "org-globex": ("company", "Globex"),
    "org-tu": ("school", "TU Berlin"),
}
RELATIONSHIP = {"work": "WORKED_AT", "study": "STUDIED_AT"}

BUILD = """
CALL () {
  UNWIND $organizations AS o
  CREATE (:Organization {id: o.id, kind: o.kind, name: o.name, aliases: []})
}
CALL () {
  UNWIND $stints AS s
  MATCH (p:Person {id: s.person}), (o:Organization {id: s.organization})
  CALL (p, o, s) {
    WITH p, o, s WHERE s.kind = 'WORKED_AT'
    CREATE (p)-[:WORKED_AT {id: randomUUID(), title: 'T', start: s.start, end: s.end}]->(o)
    UNION
    WITH p, o, s WHERE s.kind = 'STUDIED_AT'
    CREATE (p)-[:STUDIED_AT {id: randomUUID(), start: s.start, end: s.end}]->(o)
  }
}
"""


@st.composite
def stint_strategy(draw, organization: str) -> Stint:
    kind = "study" if ORGANIZATIONS[organization][0] == "school" else "work"
    start = draw(st.integers(THIS_MONTH - 96, THIS_MONTH))
    end = draw(st.one_of(st.none(), st.integers(start, THIS_MONTH)))
    if kind == "study" and draw(st.integers(0, 4)) == 0:
        start = None  # education may leave the start out: no overlap can be told
    return Stint(kind, organization, start, end)


@st.composite
def careers(draw, people) -> dict[str, list[Stint]]:
    """Up to three entries a person, at the organizations above."""
    return {
        person: draw(
            st.lists(st.sampled_from(sorted(ORGANIZATIONS)).flatmap(stint_strategy), max_size=3)
        )
        for person in people
    }


def random_stint(rng: random.Random, organization: str | None = None) -> Stint:
    """One entry, as :func:`stint_strategy` draws them, from a seeded generator."""
    organization = organization or rng.choice(sorted(ORGANIZATIONS))
    kind = "study" if ORGANIZATIONS[organization][0] == "school" else "work"
    start = rng.randint(THIS_MONTH - 96, THIS_MONTH)
    end = rng.choice([None, rng.randint(start, THIS_MONTH)])
    return Stint(kind, organization, start, end)


def month_text(month: int | None) -> str | None:
    return None if month is None else f"{month // 12:04d}-{month % 12 + 1:02d}"


def build_careers(cypher, model: Network, stints: dict[str, list[Stint]]) -> None:
    """The organizations and entries in Neo4j (replacing any) and in ``model``."""
    cypher("MATCH (o:Organization) DETACH DELETE o")
    cypher(
        BUILD,
        organizations=[
            {"id": org, "kind": kind, "name": name} for org, (kind, name) in ORGANIZATIONS.items()
        ],
        stints=[
            {
                "person": person,
                "kind": RELATIONSHIP[s.kind],
                "organization": s.organization,
                "start": s.start,
                "end": s.end,
            }
            for person, entries in sorted(stints.items())
            for s in entries
        ],
    )
    model.stints = {person: list(entries) for person, entries in stints.items()}
    model.organizations = {org: name for org, (_, name) in ORGANIZATIONS.items()}


def brokers_colleague_at_acme(people, cypher) -> None:
    """Ada's 2nd connections pa (through b1) and pz (through b2) work at Acme (org-acme) now;
    b2 and pz worked together for ten years at a small firm: only the brokers' tie term tells
    the two apart (by id pa comes first). ``people``: the test's AuthActions."""
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
