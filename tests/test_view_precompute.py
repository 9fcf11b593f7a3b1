"""Views before anyone asks: ``mutuals views refresh --all-heavy`` takes the top of the degree
distribution within its time and byte bounds, and the seed loads run it after loading."""

from __future__ import annotations

import pytest

from backend.network import precompute
from tests.support.cli import run_cli
from tests.support.graph import connect, create_person


def hubs(cypher) -> None:
    """h1 knows h2 and a1-a4, h2 knows h1 and b1-b3, h3 knows c1-c2. Connections: h1 5, h2 4,
    h3 2, the others 1. 2-hop work: h1 and h2 8, the a's 5, the b's 4, h3 and the c's 2."""
    for person in ("h1", "h2", "h3", "a1", "a2", "a3", "a4", "b1", "b2", "b3", "c1", "c2"):
        create_person(cypher, person)
    connect(cypher, "h1", "h2")
    for hub, leaves in (("h1", "a"), ("h2", "b"), ("h3", "c")):
        for n in range({"a": 4, "b": 3, "c": 2}[leaves]):
            connect(cypher, hub, f"{leaves}{n + 1}")


def viewed(cypher) -> list[tuple[str, str]]:
    return [
        (row["person"], row["part"])
        for row in cypher(
            "MATCH (v:NetworkView) WHERE v.computed_at IS NOT NULL "
            "RETURN v.person_id AS person, v.part AS part ORDER BY person, part"
        )
    ]


def refresh(app, *args: str):
    result = run_cli(app, "views", "refresh", "--no-progress", *args)
    assert result.exit_code == 0, result.output
    return result.output


def test_the_best_connected_heavy_people_first_at_most_top(make_app, cypher):
    hubs(cypher)
    output = refresh(make_app(view_threshold=3), "--all-heavy", "--top", "2")
    assert "the 2 best-connected people at or above the view threshold (3 rows" in output
    assert "5 to 4 connections" in output
    assert "views of 2 people: 4 refreshed" in output
    # The ranked parts, which deltas keep; the counts wait for a read.
    assert viewed(cypher) == [
        ("h1", "second"),
        ("h1", "suggestions"),
        ("h2", "second"),
        ("h2", "suggestions"),
    ]


def test_people_below_the_threshold_are_left_to_the_live_queries(make_app, cypher):
    hubs(cypher)
    # h3 has more connections than the a's, but less 2-hop work than the threshold.
    output = refresh(make_app(view_threshold=5), "--all-heavy", "--top", "0", "--part", "second")
    assert "views of 6 people: 6 refreshed" in output
    assert "5 to 1 connections" in output
    assert viewed(cypher) == [(p, "second") for p in ("a1", "a2", "a3", "a4", "h1", "h2")]


def test_the_run_stops_at_the_time_bound_with_a_summary(make_app, cypher, monkeypatch):
    hubs(cypher)
    ticks = iter(range(0, 1000, 10))  # every look at the clock: 10 s later
    monkeypatch.setattr(precompute, "monotonic", lambda: next(ticks))
    output = refresh(make_app(view_threshold=4), "--all-heavy", "--top", "3", "--max-seconds", "25")
    # h1, h2, a1. Started at 0; h1 at 10 s and h2 at 20 s begin within the bound, a1 at 30 s
    # does not.
    assert "stopped at the time bound (25 s) after 2 of 3 people" in output
    assert {person for person, _ in viewed(cypher)} == {"h1", "h2"}


def test_the_run_stops_at_the_byte_bound_with_a_summary(make_app, cypher):
    hubs(cypher)
    output = refresh(make_app(view_threshold=4), "--all-heavy", "--top", "3", "--max-bytes", "1")
    assert "stopped at the byte bound (1 bytes) after 1 of 3 people" in output
    [row] = cypher("MATCH (v:NetworkView {person_id: 'h1'}) RETURN sum(v.bytes) AS bytes")
    assert "views of 1 people: 2 refreshed in" in output
    assert f"{row['bytes']:,} bytes of payload" in output
    assert {person for person, _ in viewed(cypher)} == {"h1"}


def test_named_people_come_first_and_share_the_bounds(make_app, cypher):
    hubs(cypher)
    output = refresh(
        make_app(view_threshold=4),
        "--person",
        "c1",
        "--all-heavy",
        "--top",
        "3",
        "--max-bytes",
        "1",
    )
    assert "after 1 of 4 people" in output
    assert {person for person, _ in viewed(cypher)} == {"c1"}


@pytest.mark.parametrize("flag", ["--precompute-views", "--no-precompute-views"])
def test_an_online_generate_computes_the_heaviest_views(make_app, cypher, flag):
    app = make_app(view_threshold=0)
    args = ("seed", "generate", "--people", "150", "--avg-degree", "6", "--seed", "3")
    result = run_cli(app, *args, flag, "--no-progress")
    assert result.exit_code == 0, result.output
    if flag == "--no-precompute-views":
        assert viewed(cypher) == [] and "views:" not in result.output
        return
    assert "views: views of 100 people: 200 refreshed" in result.output
    top = cypher(
        "MATCH (p:Person) WITH p, COUNT { (p)-[:CONNECTED_TO]-() } AS degree "
        "RETURN p.id AS id ORDER BY degree DESC, id LIMIT 100"
    )
    assert {person for person, _ in viewed(cypher)} == {row["id"] for row in top}


def test_no_views_are_computed_when_views_are_off(make_app, cypher):
    app = make_app(view_threshold=0, view_max_age_s=0)
    result = run_cli(app, "seed", "generate", "--people", "20", "--avg-degree", "4")
    assert result.exit_code == 0, result.output
    assert "views: off (MUTUALS_VIEW_MAX_AGE=0), none computed" in result.output
    assert viewed(cypher) == []
