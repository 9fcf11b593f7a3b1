"""Benchmark: cold hubs (issue 19, item 5). How much of the top of the degree distribution
has its views before anyone asks, what a cold read of those people costs through the API,
and a hub's 2nd-degree page right after its own change, on a large network.

    MUTUALS_LOCAL_NEO4J_DIR=... MUTUALS_LOCAL_HEAP=4g MUTUALS_LOCAL_PAGECACHE=4g \\
      .venv/bin/python -m bench cold --people 1000000 --avg-degree 40 --seed 7

1. The graph: ``mutuals seed generate ... --bulk --no-precompute-views`` unless the database
   holds it (the bulk load needs an empty local database: ``--reset`` empties it first).
2. The precompute, as a bulk load ends it (``mutuals views refresh --all-heavy``'s default
   bounds unless told: the top 100 heavy people, 300 s, 100 MB), timed: how many of the
   ``--top`` people it covered.
3. Through one server started the production way (gunicorn.conf.py, the default request
   deadline): the first 2nd-degree page of every covered person (status, time, from a view or
   not; one untimed read first: Neo4j plans the page's statement on its first use); then the
   best-connected person accepts ``--own-rounds`` newcomers' requests and reads their
   2nd-degree page at once (bench/views.py's own changes); last, the first page of
   ``--uncovered`` of the other people, spread over the rest of the top (each costs a live
   2-hop answer, up to the deadline, and starts that person's compute in the server, which
   would slow what follows).

Written to bench/results/cold.md (the section of this --people value); a summary line ends
the run.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import click
import requests
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend import create_app  # noqa: E402
from backend.network.precompute import DEFAULT_PARTS, Bounds, heaviest, refresh_people  # noqa: E402
from backend.tokens import new_token  # noqa: E402
from bench.discovery import MARKERS, write_section  # noqa: E402
from bench.intros import (  # noqa: E402
    generate_args,
    gunicorn,
    machine,
    mutuals_command,
    neo4j_setup,
)
from bench.load import wipe  # noqa: E402
from bench.support.ready import ready_neo4j  # noqa: E402
from bench.views import OWN_READS, own_changes  # noqa: E402
from harness.http import percentile  # noqa: E402
from harness.queries import with_bench_queries  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "cold.md"
SECOND_DEGREE = "2nd-degree top 20"


def ensure_bulk_graph(db, people: int, avg_degree: float, seed: int, reset: bool) -> str:
    """The generated network in the database, bulk-loaded by this run if absent."""
    command = [*generate_args(people, avg_degree, seed), "--bulk", "--no-precompute-views"]
    counts = db.read("seed.graph_counts", 1)[0]
    if counts["people"] == people and db.read(
        "seed.existing_people", 1, ids=[MARKERS["generated"]]
    ):
        how = "already in the database"
    else:
        if counts["people"] and not reset:
            raise click.ClickException(
                f"the database holds {counts['people']:,} other people; pass --reset to "
                "empty it (the bulk load replaces the local database)"
            )
        if counts["people"]:
            click.echo(f"wiped {wipe(db):,} people")
        click.echo("loading: mutuals " + shlex.join(command))
        subprocess.run(mutuals_command(*command, "--progress"), cwd=ROOT, check=True)
        how = "loaded by this run"
    counts = db.read("seed.graph_counts", 1)[0]
    return (
        f"{counts['people']:,} people, {counts['connections']:,} connections "
        f"(`mutuals {shlex.join(command)}`; {how})"
    )


def cold_reads(base: str, people: list[str], tokens: dict[str, str]) -> list[dict]:
    """Each person's first 2nd-degree page: status, milliseconds, from a view or not."""
    rows = []
    with requests.Session() as session:
        for person in tqdm(people, desc="cold reads", unit="person"):
            began = time.perf_counter()
            response = session.get(
                base + OWN_READS[SECOND_DEGREE],
                headers={"Authorization": f"Bearer {tokens[person]}"},
                timeout=120,
            )
            ms = (time.perf_counter() - began) * 1000
            from_view = response.ok and bool(response.json().get("from_view"))
            rows.append(dict(person=person, status=response.status_code, ms=ms, view=from_view))
    return rows


def spread(people: list[str], n: int) -> list[str]:
    """``n`` of ``people`` evenly spaced, the first and the last included."""
    if n <= 0 or not people:
        return []
    if n >= len(people):
        return list(people)
    step = (len(people) - 1) / max(1, n - 1)
    return [people[round(i * step)] for i in range(n)]


@click.command()
@click.option("--people", default=1_000_000, show_default=True)
@click.option("--avg-degree", default=40.0, show_default=True)
@click.option("--seed", default=7, show_default=True)
@click.option("--reset", is_flag=True, help="Empty a database that holds other people first.")
@click.option("--top", default=Bounds.top, show_default=True, help="Heavy people precomputed.")
@click.option("--max-seconds", default=Bounds.max_seconds, show_default=True)
@click.option("--max-bytes", default=Bounds.max_bytes, show_default=True)
@click.option("--uncovered", default=10, show_default=True, help="Uncovered people read cold.")
@click.option("--own-rounds", default=5, show_default=True)
def main(people, avg_degree, seed, reset, top, max_seconds, max_bytes, uncovered, own_rounds):
    """Cold hubs: the precompute's coverage, cold reads, a hub's own change."""
    ready_neo4j()
    started, load_before = time.monotonic(), os.getloadavg()[0]
    app = create_app()
    state = app.extensions["mutuals"]
    db, settings = with_bench_queries(state.db), state.settings
    described = ensure_bulk_graph(db, people, avg_degree, seed, reset)
    click.echo(f"graph: {described}")

    with app.app_context():
        # The precompute starts from no views, as after a bulk load.
        while db.write("network.bench_forget_views", 1, limit=1000)[0]["deleted"]:
            pass
        chosen = heaviest(top, click.echo)
        bounds = Bounds(top=top, max_seconds=max_seconds, max_bytes=max_bytes)
        summary = refresh_people(chosen, DEFAULT_PARTS, bounds, progress=True)
    click.echo(f"precompute: {summary.line()}")
    covered = chosen[: summary.done]
    degrees = {
        row["id"]: row["degree"]
        for row in db.read("views.top_people", 1, top=top, threshold=settings.view_threshold)
    }
    tokens = {}
    for person in chosen:
        tokens[person], token_hash = new_token()
        db.write(
            "auth.create_token", 1, person_id=person, token_hash=token_hash, now=datetime.now(UTC)
        )
    uncovered = spread(chosen[summary.done :], uncovered)
    with gunicorn(settings, 2, 4) as base:
        if covered:  # Neo4j plans the view's page statement on its first use: not timed
            cold_reads(base, covered[:1], tokens)
        reads = cold_reads(base, covered, tokens)
        # Before the uncovered reads: each starts a compute of tens of seconds in the server.
        own = own_changes(
            {"views": base},
            {"best-connected": chosen[0]},
            tokens,
            own_rounds,
            reads={SECOND_DEGREE: OWN_READS[SECOND_DEGREE]},
        )["views"]["best-connected"]
        reads += cold_reads(base, uncovered, tokens)
    state.refresher.close()

    text = report(
        described=described,
        setup=neo4j_setup(db),
        command=shlex.join([".venv/bin/python", "-m", "bench", "cold", *sys.argv[1:]]),
        load=(load_before, os.getloadavg()[0]),
        summary=summary,
        top=top,
        chosen=chosen,
        degrees=degrees,
        reads=reads,
        covered=set(covered),
        own=own,
    )
    write_section(f"{people}", text, RESULTS, "cold", "# Cold hubs benchmark\n")
    click.echo(text)
    covered_ms = [r["ms"] for r in reads if r["person"] in set(covered)]
    click.echo(
        f"done in {time.monotonic() - started:.0f}s: {summary.done} of {len(chosen)} of the top "
        f"covered in {summary.seconds:.0f} s; cold reads max "
        f"{max(r['ms'] for r in reads):,.0f} ms (covered p50 "
        f"{percentile(covered_ms, 50) if covered_ms else float('nan'):,.1f} ms); own change "
        f"2nd degree p50 {percentile([ms for ms, _ in own[SECOND_DEGREE]], 50):,.1f} ms; "
        f"written to {RESULTS.relative_to(ROOT)}"
    )


def report(*, described, setup, command, load, summary, top, chosen, degrees, reads, covered, own):
    def ms_line(rows):
        if not rows:
            return "none read"
        times = [r["ms"] for r in rows]
        statuses = ", ".join(
            f"{n} x {status}"
            for status, n in sorted(
                {
                    s: sum(r["status"] == s for r in rows) for s in {r["status"] for r in rows}
                }.items()
            )
        )
        views = sum(r["view"] for r in rows)
        return (
            f"{len(rows)} read: p50 {percentile(times, 50):,.1f} ms, max {max(times):,.1f} ms; "
            f"{statuses}; {views} from a view"
        )

    own_2nd = own[SECOND_DEGREE]
    accepts = [ms for ms, _ in own["accept"]]
    lines = [
        f"Machine: {machine()}. {setup}. Graph: {described}.",
        f"Command: `{command}`, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, load average "
        f"{load[0]:.1f} -> {load[1]:.1f}.",
        "",
        f"- The top {len(chosen)} heavy people (asked: {top}): {degrees[chosen[0]]:,} to "
        f"{degrees[chosen[-1]]:,} connections.",
        f"- Precompute (parts {', '.join(DEFAULT_PARTS)}): {summary.line()}.",
        f"- Cold reads of the covered people: "
        f"{ms_line([r for r in reads if r['person'] in covered])}.",
        f"- Cold reads of uncovered people spread over the rest of the top: "
        f"{ms_line([r for r in reads if r['person'] not in covered])}.",
        f"- The best-connected person's own change ({len(own_2nd)} rounds): accept p50 "
        f"{percentile(accepts, 50):,.1f} ms; 2nd-degree page at once p50 "
        f"{percentile([ms for ms, _ in own_2nd], 50):,.1f} ms, max "
        f"{max(ms for ms, _ in own_2nd):,.1f} ms, "
        f"{sum(view for _, view in own_2nd)} of {len(own_2nd)} from the view.",
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
