"""Random small graphs for the discovery properties (hypothesis), and loading them."""

from __future__ import annotations

import itertools

from hypothesis import strategies as st

from backend.pair_keys import connection_key, request_key
from backend.tokens import hash_token
from harness.inmemory import Network

LOCATIONS = [None, "Berlin", "Lagos"]
INDUSTRIES = [None, "Technology", "Media"]
PROFESSIONS = [None, "Software Engineer", "Product Manager", "Founder", "Journalist"]
SKILLS = ["python", "Python", "sql", "go"]

BUILD = """
CALL () {
  UNWIND $people AS person
  CREATE (p:Person) SET p = person.props
  CREATE (:Token {hash: person.token_hash, created_at: datetime()})-[:AUTHENTICATES]->(p)
}
CALL () {
  UNWIND $connections AS c
  MATCH (a:Person {id: c[0]}), (b:Person {id: c[1]})
  CREATE (a)-[:CONNECTED_TO {since: datetime(), pair: c[2]}]->(b)
}
CALL () {
  UNWIND $blocks AS c
  MATCH (a:Person {id: c[0]}), (b:Person {id: c[1]})
  CREATE (a)-[:BLOCKED {at: datetime()}]->(b)
}
CALL () {
  UNWIND $requests AS r
  MATCH (a:Person {id: r[0]}), (b:Person {id: r[1]})
  CREATE (a)-[:REQUESTED {created_at: datetime(), state: r[2], pair: r[3]}]->(b)
}
CALL () {
  UNWIND $dismissed AS d
  MATCH (a:Person {id: d[0]}), (b:Person {id: d[1]})
  CREATE (a)-[:DISMISSED {at: datetime()}]->(b)
}
"""


def token_of(person_id: str) -> str:
    return f"token-{person_id}"


@st.composite
def graphs(draw):
    size = draw(st.integers(2, 11))
    ids = [f"p{i:02d}" for i in range(size)]
    pairs = list(itertools.combinations(ids, 2))
    people = {
        i: {
            "location": draw(st.sampled_from(LOCATIONS)),
            "industry": draw(st.sampled_from(INDUSTRIES)),
            "profession": draw(st.sampled_from(PROFESSIONS)),
            "skills": draw(st.lists(st.sampled_from(SKILLS), max_size=2, unique=True)),
        }
        for i in ids
    }
    connections = draw(st.sets(st.sampled_from(pairs), max_size=3 * size))
    callers = draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3, unique=True))
    # Blocks mostly involve a caller: that is where they change the answers.
    blocks = {
        (a, b)
        for a, b in draw(
            st.lists(st.tuples(st.sampled_from(callers + ids), st.sampled_from(ids)), max_size=2)
        )
        if a != b
    }
    blocked_pairs = {(min(a, b), max(a, b)) for a, b in blocks}
    # As the product does: a block removes the connection and the requests between the two.
    connections -= blocked_pairs
    free = [
        (a, b)
        for a, b in itertools.permutations(ids, 2)
        if (min(a, b), max(a, b)) not in connections | blocked_pairs
    ]
    requests = (
        draw(
            st.dictionaries(
                st.sampled_from(free), st.sampled_from(["pending", "ignored"]), max_size=3
            )
        )
        if free
        else {}
    )
    dismissed = {
        (a, b)
        for a, b in draw(
            st.lists(st.tuples(st.sampled_from(callers), st.sampled_from(ids)), max_size=3)
        )
        if a != b
    }
    return people, connections, blocks, requests, dismissed, callers


def person_rows(people: dict[str, dict]) -> list[dict]:
    """The rows a BUILD statement creates people and their tokens from: ``people`` maps an
    id to its profile fields (a None field is left unset)."""
    return [
        {
            "token_hash": hash_token(token_of(i)),
            "props": {
                "id": i,
                "name": f"Person {i}",
                "name_lower": f"person {i}",
                "connections_visibility": "connections",
                **{k: v for k, v in props.items() if v is not None},
            },
        }
        for i, props in people.items()
    ]


def build(cypher, people, connections, blocks, requests, dismissed) -> None:
    cypher("MATCH (n) WHERE n:Person OR n:Token DETACH DELETE n")
    cypher(
        BUILD,
        people=person_rows(people),
        connections=[[a, b, connection_key(a, b)] for a, b in sorted(connections)],
        blocks=[[a, b] for a, b in sorted(blocks)],
        requests=[[a, b, state, request_key(a, b)] for (a, b), state in sorted(requests.items())],
        dismissed=[[a, b] for a, b in sorted(dismissed)],
    )


def complements_of(cypher) -> set[frozenset]:
    """The pairs of professions the reference data says complement each other."""
    rows = cypher(
        "MATCH (a:Profession)-[:COMPLEMENTS]->(b:Profession) RETURN a.name AS a, b.name AS b"
    )
    return {frozenset((row["a"], row["b"])) for row in rows}


def build_with_model(cypher, graph, complements: set[frozenset]) -> Network:
    """A drawn graph (``graphs()``) in Neo4j, and the same graph in plain Python."""
    people, connections, blocks, requests, dismissed, _ = graph
    build(cypher, people, connections, blocks, requests, dismissed)
    return Network.from_pairs(
        connections,
        people=people,
        blocks={frozenset(b) for b in blocks},
        requests=set(requests),
        dismissed=set(dismissed),
        complements=complements,
    )
