"""``mutuals seed generate``: reproducible, power-law with hubs, clustered, realistic attributes."""

from __future__ import annotations

import itertools
import json
from collections import Counter

import numpy as np
import pytest

from backend.months import month_of
from backend.organizations import names
from backend.seed.generate import AS_OF, Network, read_professions
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
    for careers in ("organizations", "positions", "education"):
        assert list(getattr(first.dataset(), careers)()) == list(
            getattr(again.dataset(), careers)()
        )
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


def test_companies_are_heavy_tailed_and_careers_realistic(network):
    careers = network.careers
    assert len(careers.companies) == 3000 // 20 and len(careers.schools) == 6
    keys = [names.name_key(name) for name in careers.companies]
    assert len(set(keys)) == len(keys)
    sizes = np.sort(np.bincount(careers.position_company, minlength=150))[::-1]
    assert sizes[0] > 10 * np.median(sizes)  # a few large employers, many small ones
    assert sizes[:15].sum() > 0.3 * sizes.sum()

    person, start, end = careers.position_person, careers.position_start, careers.position_end
    per_person = np.bincount(person, minlength=network.n)
    assert per_person.min() == 1 and per_person.max() == 6
    assert set(np.unique(per_person)) == set(range(1, 7))
    last = np.r_[person[1:] != person[:-1], True]  # each person's newest position
    assert (end[~last] >= 0).all()  # only the newest may be current
    assert 0.8 < (end[last] < 0).mean() < 0.9
    ended = end >= 0
    tenure = end[ended] - start[ended]
    assert tenure.min() >= 3 and 20 <= np.median(tenure) <= 36 and tenure.max() <= 120
    this_month = month_of(AS_OF)
    assert start.max() <= this_month and end.max() <= this_month
    assert start.min() >= this_month - 12 * 45
    same = person[1:] == person[:-1]  # one job ends before the next starts
    assert (start[1:][same] >= end[:-1][same]).all()

    studied = np.bincount(careers.education_person, minlength=network.n)
    assert 0.8 < (studied > 0).mean() < 0.9 and studied.max() == 2
    first_job = start[np.r_[True, ~same]]
    assert (careers.education_end <= first_job[careers.education_person]).all()
    assert (careers.education_start < careers.education_end).all()


def test_career_rows_and_headlines_agree(network):
    dataset = network.dataset()
    organizations = {row["id"]: row for row in dataset.organizations()}
    assert {row["kind"] for row in organizations.values()} == {"company", "school"}
    positions = list(dataset.positions())
    assert len({row["id"] for row in positions}) == len(positions)
    newest = {row["person"]: row for row in positions}  # each person's last comes last
    for row in itertools.islice(dataset.people(), 300):
        employer = organizations[newest[row["id"]]["organization"]]["name"]
        headline = row["props"]["headline"]
        if " at " in headline:
            assert headline.endswith(f" at {employer}")
    for row in itertools.islice(dataset.education(), 300):
        assert organizations[row["organization"]]["kind"] == "school"
        assert row["fields"]["degree"] and row["fields"]["field"]


def test_requests_go_between_unconnected_friends_of_friends(network):
    adjacency = _adjacency(network)
    pairs = [tuple(pair) for pair in network.requests.tolist()]
    assert len(pairs) == 3000 * 2 // 100
    assert len({frozenset(p) for p in pairs}) == len(pairs)
    for sender, recipient in pairs:
        assert recipient not in adjacency[sender] and adjacency[sender] & adjacency[recipient]


def test_generate_loads_the_agreed_model_and_again_adds_nothing(app, cypher, professions):
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
    careers = Network(300, 6, seed=2, professions=professions).careers
    organizations = len(careers.companies) + len(careers.schools)
    positions, education = len(careers.position_person), len(careers.education_person)
    assert cypher(
        "CALL () { MATCH (o:Organization) WHERE size(o.aliases) = 0 AND o.search_text <> '' "
        "AND EXISTS { (:OrganizationKey {key: o.kind + ':name:' + o.name_key})-[:KEY_OF]->(o) } "
        "RETURN count(o) AS organizations } "
        "CALL () { MATCH (:Person)-[w:WORKED_AT]->(:Organization {kind: 'company'}) "
        "WHERE w.title <> '' AND w.start <= coalesce(w.end, w.start) "
        "RETURN count(w) AS positions } "
        "CALL () { MATCH (:Person)-[s:STUDIED_AT]->(:Organization {kind: 'school'}) "
        "RETURN count(s) AS education } "
        "RETURN organizations, positions, education"
    ) == [{"organizations": organizations, "positions": positions, "education": education}]
    before = graph_snapshot(cypher)
    again = run_cli(app, *args)
    assert "people 300 (0 new), connections 900 (0 new), requests 6 (0 new)" in again.output
    assert (
        f"organizations {organizations} (0 new), positions {positions:,} (0 new), "
        f"education {education} (0 new)"
    ) in again.output
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


def test_organizations_option_sets_how_many_companies(app, tmp_path):
    result = run_cli(
        app,
        "seed",
        "generate",
        "--people",
        "200",
        "--avg-degree",
        "4",
        "--organizations",
        "7",
        "--out",
        str(tmp_path),
        "--format",
        "jsonl",
    )
    assert result.exit_code == 0, result.output
    assert "7 companies, 1 schools" in result.output
    organizations = [json.loads(line) for line in (tmp_path / "organizations.jsonl").open()]
    assert Counter(o["kind"] for o in organizations) == {"company": 7, "school": 1}
    ids = {o["id"] for o in organizations}
    for name, column in (("positions", "organization_id"), ("education", "school_id")):
        rows = [json.loads(line) for line in (tmp_path / f"{name}.jsonl").open()]
        assert rows and {row[column] for row in rows} <= ids
