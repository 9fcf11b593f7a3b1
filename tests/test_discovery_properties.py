"""Every discovery answer equals a plain-Python computation with sets, on random small graphs
with blocks, pending and ignored requests and dismissed suggestions."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from backend.auth import hash_token
from backend.keys import connection_key, request_key
from backend.network import service
from bench.inmemory import Network
from tests.helpers import auth, counts

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


def build(cypher, people, connections, blocks, requests, dismissed) -> None:
    cypher("MATCH (n) WHERE n:Person OR n:Token DETACH DELETE n")
    rows = [
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
    cypher(
        BUILD,
        people=rows,
        connections=[[a, b, connection_key(a, b)] for a, b in sorted(connections)],
        blocks=[[a, b] for a, b in sorted(blocks)],
        requests=[[a, b, state, request_key(a, b)] for (a, b), state in sorted(requests.items())],
        dismissed=[[a, b] for a, b in sorted(dismissed)],
    )


def all_pages(client, url: str, token: str, limit: int) -> list[dict]:
    items, cursor = [], None
    while True:
        params = {"limit": limit, **({"cursor": cursor} if cursor else {})}
        response = client.get(url, query_string=params, headers=auth(token))
        assert response.status_code == 200, response.json
        items += response.json["items"]
        cursor = response.json["next_cursor"]
        if cursor is None:
            return items


@pytest.fixture
def complements(cypher) -> set[frozenset]:
    rows = cypher(
        "MATCH (a:Profession)-[:COMPLEMENTS]->(b:Profession) RETURN a.name AS a, b.name AS b"
    )
    return {frozenset((row["a"], row["b"])) for row in rows}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(graph=graphs())
def test_discovery_matches_plain_python(graph, cypher, client, app, complements):
    people, connections, blocks, requests, dismissed, callers = graph
    build(cypher, people, connections, blocks, requests, dismissed)
    model = Network.from_pairs(
        connections,
        people=people,
        blocks={frozenset(b) for b in blocks},
        requests=set(requests),
        dismissed=set(dismissed),
        complements=complements,
    )

    for me in callers:
        token = token_of(me)
        blocked = model.blocked_with(me)

        # 2nd connections: set, mutual counts and order, across pages of 2.
        expected = model.ranked_second_degree(me)
        items = all_pages(client, "/v1/me/second-degree", token, limit=2)
        assert [(item["id"], item["mutual_count"]) for item in items] == expected
        for item in items:
            mutuals = model.mutuals(me, item["id"])
            assert {m["id"] for m in item["mutual_sample"]} <= mutuals
            assert len(item["mutual_sample"]) == min(service.MUTUAL_SAMPLE_SIZE, len(mutuals))
            assert item["pending"] == ((me, item["id"]) in requests)

        assert counts(
            client.get("/v1/me/network", headers=auth(token)).json
        ) == model.network_counts(me)

        suggested = all_pages(client, "/v1/me/suggestions", token, limit=3)
        assert [
            (s["id"], round(s["score"] * service.SCORE_SCALE)) for s in suggested
        ] == model.suggestions(me, service.SCORE_WEIGHTS, service.SUGGESTION_POOL_SIZE)
        for suggestion in suggested:
            assert bool(suggestion["reasons"])
            assert {m["id"] for m in suggestion["mutual_sample"]} <= model.mutuals(
                me, suggestion["id"]
            )

        with app.app_context():
            relations = service.relations(me, list(people) + ["nobody"])
            for degree in (1, 2, 3):
                assert service.ids_at_degrees(me, {degree}) == model.layers(me)[degree]
        assert set(relations) == set(people)

        for other in people:
            expected_degree = model.degree(me, other)
            assert relations[other]["degree"] == expected_degree
            expected_mutuals = model.mutuals(me, other) if other not in blocked | {me} else set()
            assert relations[other]["mutual_count"] == len(expected_mutuals)

            path = client.get(f"/v1/people/{other}/path", headers=auth(token))
            mutual = client.get(f"/v1/people/{other}/mutual", headers=auth(token))
            if other in blocked:
                assert path.status_code == mutual.status_code == 404
                continue
            assert path.status_code == 200
            assert path.json["degree"] == expected_degree
            shortest = model.shortest_paths(me, other)[: service.MAX_PATHS]
            assert model.path(me, other, service.MAX_PATHS) == (expected_degree, shortest)
            assert [tuple(step["id"] for step in p) for p in path.json["paths"]] == shortest
            if other == me:
                assert mutual.status_code == 422
            else:
                assert mutual.status_code == 200
                assert {m["id"] for m in mutual.json["items"]} == expected_mutuals
