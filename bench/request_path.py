"""Benchmark: the request path's fixed cost. The same answers through the API (gunicorn, one
client) and over raw Bolt, side by side in one run, so that API - Bolt is what HTTP, Flask,
authentication, serialisation, logging and metrics add to the graph work.

    .venv/bin/python -m bench request_path --people 100000 --avg-degree 40 --seed 7

1. The graph and the people are the discovery benchmark's (bench/discovery.py): a hub and its
   best 2nd connection for the mutuals page, the median person and someone 3 hops away for
   the path; a database that already holds the graph is reused.
2. The paths, in turns: ``GET /v1/me`` against one Bolt query of the same profile
   (``people.profile``, bench/cypher/: the profile alone, where the API's one statement,
   ``people.profile_by_token``, also looks the token up and reads every section),
   ``GET /v1/people/{id}`` against the same, the always-live mutuals page and path against
   their named queries by person id (``network.mutual`` v1, ``network.path`` v2: no token
   lookup, no visibility check; each in one read transaction, as bench/discovery.py times
   them), and ``GET /healthz`` (no graph work: HTTP and Flask alone).
3. A table of p50/p99, API/Bolt and API - Bolt, written to bench/results/request_path.md.
   ``--baseline DIR`` also serves another checkout (say, ``git archive`` of an older commit)
   on a second gunicorn, timed in the same rounds: before and after in one run.
"""

from __future__ import annotations

import os
import shlex
import sys
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import click
import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend.db import Database  # noqa: E402
from backend.network import service  # noqa: E402
from backend.tokens import new_token  # noqa: E402
from bench.discovery import ensure_graph, pick_people, write_section  # noqa: E402
from bench.intros import gunicorn, machine, measure, neo4j_setup  # noqa: E402
from bench.support.ready import ready_neo4j  # noqa: E402
from harness.http import percentile  # noqa: E402
from harness.queries import bench_registry  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "request_path.md"
PAGE = 20


def paths(db: Database, picked: dict, api) -> dict[str, tuple]:
    """``{name: (api call, bolt call)}``; each call returns nothing (the answers are checked
    once, before timing, by :func:`check`)."""
    hub, median = picked["hub_id"], picked["median_id"]
    friend, far = picked["best_2nd_of_hub"], picked["far_from_median"]

    def profile(viewer, person):
        return db.read("people.profile", 1, viewer_id=viewer, person_id=person)

    return {
        "GET /v1/me (median person)": (
            lambda: api(median, "/v1/me"),
            lambda: profile(median, median),
        ),
        "GET /v1/people/{id} (median person, a 3rd connection)": (
            lambda: api(median, f"/v1/people/{far}"),
            lambda: profile(median, far),
        ),
        "mutuals page, hub and its best 2nd connection (always live)": (
            lambda: api(hub, f"/v1/people/{friend}/mutual", limit=PAGE),
            lambda: db.read(
                "network.mutual",
                1,
                person_id=hub,
                other_id=friend,
                after_name="",
                after_id="",
                limit=PAGE + 1,
            ),
        ),
        "path, median person to 3 hops (always live)": (
            lambda: api(median, f"/v1/people/{far}/path"),
            lambda: db.read(
                "network.path", 2, person_id=median, target_id=far, max_paths=service.MAX_PATHS
            ),
        ),
        "GET /healthz (no graph work)": (lambda: api(None, "/healthz"), None),
    }


def table(samples: dict[str, list[float]], names: list[str], apis: list[str]) -> str:
    """One row per path and API (this checkout's, then the baseline's)."""
    lines = [
        "| path | API | API p50 | API p99 | Bolt p50 | Bolt p99 | API/Bolt | API - Bolt (p50) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name in names:
        bolt = samples.get(f"{name} bolt")
        for api_name in apis:
            api = samples[f"{name} {api_name}"]
            a50, a99 = percentile(api, 50), percentile(api, 99)
            if bolt is None:
                lines.append(f"| {name} | {api_name} | {a50:.1f} | {a99:.1f} | - | - | - | - |")
                continue
            b50, b99 = percentile(bolt, 50), percentile(bolt, 99)
            lines.append(
                f"| {name} | {api_name} | {a50:.1f} | {a99:.1f} | {b50:.1f} | {b99:.1f} | "
                f"{a50 / b50:.2f}x | {a50 - b50:.1f} |"
            )
    return "\n".join(lines)


@click.command()
@click.option("--people", default=100_000, show_default=True, help="People to generate.")
@click.option("--avg-degree", default=40.0, show_default=True)
@click.option("--seed", default=7, show_default=True)
@click.option("--reset", is_flag=True, help="Empty a database that holds other people first.")
@click.option("--hub-degree", default=1700, show_default=True)
@click.option("--requests", "rounds", default=300, show_default=True, help="Rounds per path.")
@click.option("--warmup", default=20, show_default=True)
@click.option("--workers", default=2, show_default=True, help="gunicorn workers.")
@click.option("--threads", default=4, show_default=True, help="gunicorn threads per worker.")
@click.option(
    "--baseline",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Another checkout to serve and time alongside (e.g. an older commit's files).",
)
def main(people, avg_degree, seed, reset, hub_degree, rounds, warmup, workers, threads, baseline):
    """p50/p99 of the request path through the API and over raw Bolt, side by side."""
    settings = ready_neo4j()
    started, load_before = time.monotonic(), os.getloadavg()
    db = Database(settings, bench_registry())
    described = ensure_graph(db, "generated", people, avg_degree, seed, reset)
    picked = pick_people(db, hub_degree)
    click.echo(f"graph: {described}\npeople: {picked}")
    tokens = {}
    for person in (picked["hub_id"], picked["median_id"]):
        tokens[person], token_hash = new_token()
        db.write(
            "auth.create_token", 1, person_id=person, token_hash=token_hash, now=datetime.now(UTC)
        )

    roots = {"this": ROOT, **({"baseline": baseline} if baseline else {})}
    with ExitStack() as stack:
        session = stack.enter_context(requests.Session())
        bases = {
            name: stack.enter_context(gunicorn(settings, workers, threads, root))
            for name, root in roots.items()
        }

        def api(base: str, me: str | None, path: str, **query) -> None:
            headers = {"Authorization": f"Bearer {tokens[me]}"} if me else {}
            response = session.get(base + path, params=query, headers=headers, timeout=60)
            response.raise_for_status()

        calls = {}
        for api_name, base in bases.items():
            for name, (through_api, over_bolt) in paths(db, picked, partial(api, base)).items():
                calls[f"{name} {api_name}"] = through_api
                if over_bolt is not None:
                    calls[f"{name} bolt"] = over_bolt
        samples = measure(calls, rounds, warmup)

    names = list(paths(db, picked, None))
    result = table(samples, names, list(roots))
    click.echo(result)
    load_after = os.getloadavg()
    command = "python -m bench request_path " + shlex.join(sys.argv[1:])
    write_section(
        f"generated-{people}",
        "\n".join(
            [
                f"## generated-{people}",
                "",
                f"- command: `{command}`",
                f"- machine: {machine()}; 1-minute load average {load_before[0]:.1f} before, "
                f"{load_after[0]:.1f} after (shared with other work)",
                f"- database: {neo4j_setup(db)}",
                f"- graph: {described}",
                f"- people: hub {picked['hub_id']} ({picked['hub_degree']:,} connections), median "
                f"person {picked['median_id']}; mutuals with {picked['best_2nd_of_hub']}; "
                f"path and profile of {picked['far_from_median']}",
                f"- API: this checkout{f' and the baseline {baseline}' if baseline else ''}, each "
                f"under gunicorn, {workers} workers x {threads} threads, one client "
                f"(keep-alive); {warmup} warm-up rounds, then {rounds} rounds, the paths in "
                "turns; Bolt: the same named query in one read transaction (`Database.read`); "
                "times in ms",
                "",
                result,
            ]
        ),
        results=RESULTS,
        kind="graph",
        title="# Request path benchmark\n\n",
    )
    me = names[0]
    click.echo(
        f"done in {time.monotonic() - started:.0f}s: GET /v1/me p50 "
        f"{percentile(samples[f'{me} this'], 50):.1f} ms vs one Bolt query "
        f"{percentile(samples[f'{me} bolt'], 50):.1f} ms; written to {RESULTS.relative_to(ROOT)}"
    )
    db.close()


if __name__ == "__main__":
    main()
