"""Benchmark: where a network view starts to pay, by 2-hop work (MUTUALS_VIEW_THRESHOLD).

    .venv/bin/python -m bench threshold --people 100000 --avg-degree 40 --seed 7

People drawn at random (those with 2+ connections) are grouped by their 2-hop work (the sum
of their connections' connections, ``views.work``); for a few of each group the live
2nd-degree and suggestions pages (raw Bolt, the named queries) are timed beside the same
pages read from their views, computed for the occasion. Written to
bench/results/threshold.md; a summary line ends the run.
"""

from __future__ import annotations

import random
import shlex
import statistics
import sys
import time
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import click
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend import create_app  # noqa: E402
from backend.months import month_of  # noqa: E402
from backend.network.service import (  # noqa: E402
    MUTUAL_SAMPLE_SIZE,
    SCORE_WEIGHTS,
    SUGGESTION_POOL_SIZE,
    SUGGESTIONS,
    TIES,
)
from bench.discovery import NO_FILTERS, ensure_graph  # noqa: E402
from bench.intros import machine, neo4j_setup  # noqa: E402
from bench.support.ready import ready_neo4j  # noqa: E402
from harness.queries import with_bench_queries  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "threshold.md"
BOUNDS = (0, 1_000, 2_500, 5_000, 10_000, 20_000, 50_000, 100_000)
PAGE = 20


def p50(call, rounds: int) -> float:
    call()  # warm-up
    samples = []
    for _ in range(rounds):
        began = time.perf_counter()
        call()
        samples.append((time.perf_counter() - began) * 1000)
    return statistics.median(samples)


@click.command()
@click.option("--people", default=100_000, show_default=True)
@click.option("--avg-degree", default=40.0, show_default=True)
@click.option("--seed", default=7, show_default=True)
@click.option("--sample", default=1000, show_default=True, help="People drawn to find the groups.")
@click.option("--per-group", default=4, show_default=True, help="People timed per work group.")
@click.option("--rounds", default=7, show_default=True, help="Timed calls per person and page.")
def main(people, avg_degree, seed, sample, per_group, rounds):
    """Live vs view page times by 2-hop work."""
    ready_neo4j()
    app = create_app()
    state = app.extensions["mutuals"]
    db = with_bench_queries(state.db)
    described = ensure_graph(db, "generated", people, avg_degree, seed, reset=False)
    connected = [row["id"] for row in db.read("network.bench_connected_people", 1, min_degree=2)]
    drawn = random.Random(seed).sample(connected, min(sample, len(connected)))
    work = {
        p: db.read("views.work", 1, person_id=p)[0]["work"]
        for p in tqdm(drawn, desc="2-hop work", unit="person")
    }
    groups = []
    for low, high in zip(BOUNDS, BOUNDS[1:] + (None,), strict=True):
        members = [p for p, w in work.items() if w >= low and (high is None or w < high)]
        groups.append((low, high, members, members[:per_group]))

    rows = []
    with tqdm(total=sum(len(timed) for *_, timed in groups), desc="timing", unit="person") as bar:
        for low, high, members, timed in groups:
            times = {"live 2nd": [], "view 2nd": [], "live sugg.": [], "view sugg.": []}
            for person in timed:
                for part in ("second", "suggestions"):
                    state.refresher.refresh(person, part, force=True)
                page = dict(after_count=None, after_id=None, limit=PAGE + 1)
                times["live 2nd"].append(
                    p50(
                        partial(
                            db.read,
                            "network.second_degree",
                            2,
                            person_id=person,
                            **NO_FILTERS,
                            **page,
                            sample_size=MUTUAL_SAMPLE_SIZE,
                        ),
                        rounds,
                    )
                )
                times["view 2nd"].append(
                    p50(
                        partial(
                            db.read,
                            "views.second_degree_page",
                            3,
                            person_id=person,
                            **NO_FILTERS,
                            **page,
                        ),
                        rounds,
                    )
                )
                cursor = dict(after_score=None, after_id=None, limit=PAGE + 1)
                times["live sugg."].append(
                    p50(
                        partial(
                            db.read,
                            *SUGGESTIONS.live_query,
                            person_id=person,
                            weights=SCORE_WEIGHTS,
                            pool_size=SUGGESTION_POOL_SIZE,
                            ties=TIES,
                            now_month=month_of(datetime.now(UTC)),
                            **cursor,
                            sample_size=MUTUAL_SAMPLE_SIZE,
                        ),
                        rounds,
                    )
                )
                times["view sugg."].append(
                    p50(
                        partial(
                            db.read, *SUGGESTIONS.page_query, person_id=person, ties=TIES, **cursor
                        ),
                        rounds,
                    )
                )
                bar.update(1)
            rows.append(
                (
                    low,
                    high,
                    len(members),
                    len(timed),
                    {k: statistics.median(v) if v else None for k, v in times.items()},
                )
            )
    state.close()

    def cell(value):
        return "-" if value is None else f"{value:.1f}"

    lines = [
        "# Where a network view starts to pay",
        "",
        f"- command: `python -m bench threshold {shlex.join(sys.argv[1:])}`",
        f"- machine: {machine()}",
        f"- database: {neo4j_setup(db)}",
        f"- graph: {described}",
        f"- {len(drawn):,} people drawn at random from those with 2+ connections, grouped by 2-hop "
        f"work; up to {per_group} timed per group, {rounds} calls each page (raw Bolt, ms, the "
        "median of the people's p50s); views computed for the occasion",
        "",
        "| 2-hop work | share of people | timed | live 2nd-degree | view 2nd-degree | "
        "live suggestions | view suggestions |",
        "|---|---|---|---|---|---|---|",
    ]
    for low, high, members, timed, t in rows:
        span = f"{low:,}+" if high is None else f"{low:,}–{high - 1:,}"
        lines.append(
            f"| {span} | {members / len(drawn):.0%} | {timed} | {cell(t['live 2nd'])} | "
            f"{cell(t['view 2nd'])} | {cell(t['live sugg.'])} | {cell(t['view sugg.'])} |"
        )
    text = "\n".join(lines)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n")
    click.echo(text)
    heavy = sum(1 for w in work.values() if w >= state.settings.view_threshold)
    click.echo(
        f"done: {heavy / len(drawn):.0%} of the people drawn reach the threshold "
        f"({state.settings.view_threshold:,}); written to {RESULTS.relative_to(ROOT)}"
    )


if __name__ == "__main__":
    main()
