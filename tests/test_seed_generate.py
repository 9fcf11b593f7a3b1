"""``mutuals seed generate``: reproducible, power-law with hubs, clustered, realistic attributes."""

from __future__ import annotations

from collections import Counter

import numpy as np
import pytest

from backend.seed.generate import Network, read_professions
from tests.support.cli import graph_counts, graph_snapshot, run_cli


@pytest.fixture(scope="module")
def professions(database):
    return read_professions(database)


@pytest.fixture(scope="module")
def network(professions):
    return Network(3000, 20, seed=11, professions=professions)


def _adjacency(net: Network) -> list[set[int]]:
    adjacency = [set() for _ in range(net.n)]
    for a, b in zip((net.keys // net.n).tolist(), (net.keys % net.n).tolist(), strict=True):
        adjacency[a].add(b)
        adjacency[b].add(a)
    return adjacency


def test_the_same_seed_gives_the_same_network(professions):
    first, again = (Network(400, 8, seed=5, professions=professions) for _ in range(2))
    assert np.array_equal(first.keys, again.keys)
    assert list(first.dataset().people()) == list(again.dataset().people())
    assert list(first.dataset().connections()) == list(again.dataset().connections())
    assert list(first.dataset().requests()) == list(again.dataset().requests())
    other = Network(400, 8, seed=6, professions=professions)
    assert not np.array_equal(first.keys, other.keys)


def test_exact_size_no_self_loops_no_duplicates(network):
    lo, hi = network.keys // network.n, network.keys % network.n
    assert len(network.keys) == 3000 * 20 // 2
    assert (lo < hi).all() and len(np.unique(network.keys)) == len(network.keys)


def test_power_law_degrees_have_hubs(network):
    degrees = network.degrees()
    assert degrees.mean() == pytest.approx(20)
    assert degrees.max() >= 10 * degrees.mean()
    assert np.median(degrees) < degrees.mean()  # a long right tail
    top = np.sort(degrees)[::-1][: len(degrees) // 100]
    assert top.sum() / degrees.sum() > 0.08  # the top 1% hold a large share of all connections


def test_friends_of_friends_tend_to_know_each_other(network):
    adjacency = _adjacency(network)
    rng = np.random.default_rng(0)
    coefficients = []
    for v in rng.choice(network.n, size=400, replace=False):
        friends = list(adjacency[v])
        k = len(friends)
        if k >= 2:
            links = sum(
                1 for i in range(k) for j in range(i + 1, k) if friends[j] in adjacency[friends[i]]
            )
            coefficients.append(links / (k * (k - 1) / 2))
    density = 2 * len(network.keys) / (network.n * (network.n - 1))
    assert np.mean(coefficients) > 0.1 > 10 * density


def test_connections_favour_the_same_or_complementary_professions(network, professions):
    rows = {row["id"]: row["props"] for row in network.dataset().people()}
    complements = {p.name: set(p.complements) for p in professions}

    def fits(a, b):
        return a == b or b in complements[a]

    lo, hi = (network.keys // network.n).tolist(), (network.keys % network.n).tolist()
    jobs = [rows[network.person_id(i)]["profession"] for i in range(network.n)]
    connected = np.mean([fits(jobs[a], jobs[b]) for a, b in zip(lo, hi, strict=True)])
    shuffled = np.random.default_rng(1).permutation(jobs)
    baseline = np.mean([fits(shuffled[a], shuffled[b]) for a, b in zip(lo, hi, strict=True)])
    assert connected > 2 * baseline


def test_people_look_real(network, professions):
    people = list(network.dataset().people())
    industries = {p.name: p.industry for p in professions}
    for row in people[:200]:
        props = row["props"]
        assert len(props["name"].split()) >= 2 and props["headline"] and props["location"]
        assert industries[props["profession"]] == props["industry"]
        assert 3 <= len(props["skills"]) <= 5 and len(set(props["skills"])) == len(props["skills"])
        assert row["created_at"] < "2026-01-02"
    assert len(Counter(row["props"]["location"] for row in people)) > 20
    assert len(Counter(row["props"]["name"] for row in people)) > 2000


def test_requests_go_between_unconnected_friends_of_friends(network):
    adjacency = _adjacency(network)
    pairs = [tuple(pair) for pair in network.requests.tolist()]
    assert len(pairs) == 3000 * 2 // 100
    assert len({frozenset(p) for p in pairs}) == len(pairs)
    for sender, recipient in pairs:
        assert recipient not in adjacency[sender] and adjacency[sender] & adjacency[recipient]


def test_generate_loads_the_agreed_model_and_again_adds_nothing(app, cypher):
    args = (
        "seed",
        "generate",
        "--people",
        "300",
        "--avg-degree",
        "6",
        "--seed",
        "2",
        "--no-progress",
    )
    result = run_cli(app, *args)
    assert result.exit_code == 0, result.output
    assert "generated 300 people, 900 connections" in result.output
    assert graph_counts(cypher) == {"people": 300, "connections": 900, "requests": 6}
    assert cypher(
        "MATCH (p:Person) WHERE p.name_lower = toLower(p.name) AND p.created_at IS NOT NULL "
        "AND p.connections_visibility IN ['connections', 'private'] RETURN count(p) AS n"
    ) == [{"n": 300}]
    assert cypher(
        "MATCH (a)-[r:CONNECTED_TO]->(b) WHERE r.pair = CASE WHEN a.id < b.id THEN a.id + '|' + b.id "
        "ELSE b.id + '|' + a.id END AND r.since >= a.created_at AND r.since >= b.created_at "
        "RETURN count(r) AS n"
    ) == [{"n": 900}]
    assert cypher(
        "MATCH (a)-[r:REQUESTED {state: 'pending'}]->(b) WHERE r.pair = a.id + '|' + b.id "
        "AND r.created_at IS NOT NULL RETURN count(r) AS n"
    ) == [{"n": 6}]
    before = graph_snapshot(cypher)
    again = run_cli(app, *args)
    assert "people 300 (0 new), connections 900 (0 new), requests 6 (0 new)" in again.output
    assert graph_snapshot(cypher) == before


def test_generate_out_writes_files_that_import_to_the_same_graph(app, cypher, tmp_path):
    args = ("--people", "200", "--avg-degree", "5", "--seed", "9", "--no-progress")
    run_cli(app, "seed", "generate", *args)
    loaded = graph_snapshot(cypher)
    cypher("MATCH (p:Person) DETACH DELETE p")
    written = run_cli(
        app, "seed", "generate", *args, "--out", str(tmp_path / "gen"), "--format", "jsonl"
    )
    assert "exported people 200, connections 500, requests " in written.output
    assert graph_counts(cypher)["people"] == 0
    assert run_cli(app, "seed", "import", str(tmp_path / "gen"), "--no-progress").exit_code == 0
    assert graph_snapshot(cypher) == loaded


def test_bad_sizes_are_refused(app):
    result = run_cli(app, "seed", "generate", "--people", "10", "--avg-degree", "20")
    assert result.exit_code == 2 and "avg_degree" in result.output
