"""Benchmark: seed load rate, batched UNWIND against one row per transaction.

    .venv/bin/python -m bench load --people 100000 --avg-degree 40 --seed 1

1. Generate the network (``mutuals seed generate``'s generator) and time it.
2. Load its people, then its connections in batched ``UNWIND`` write transactions (the
   loader ``mutuals seed`` uses), holding back an evenly spread slice of the connections.
3. Load that slice one row per transaction (same named query, batch size 1), into the same
   graph, then the pending requests.
4. Print the rates and their ratio, and write bench/results/load.md with the machine, the
   Neo4j memory settings and this exact command. Text below a ``<!-- notes -->`` line in
   that file is kept across runs.

It needs an empty graph (people-wise): pass ``--wipe`` to delete every Person first.
"""

from __future__ import annotations

import os
import platform
import shlex
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import click

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend.config import Settings  # noqa: E402
from backend.db import Database  # noqa: E402
from backend.seed.dataset import Dataset  # noqa: E402
from backend.seed.generate import Network, read_professions  # noqa: E402
from backend.seed.loader import DEFAULT_BATCH_SIZE, Loader  # noqa: E402
from bench.support.ready import ready_neo4j  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "load.md"
NOTES_MARK = "<!-- notes -->"


def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in _lines(["lscpu"])
            if line.startswith("Model name")
        ),
        platform.processor() or "unknown",
    )
    mem_kb = next(
        (
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "ram": f"{mem_kb / 1024 / 1024:.1f} GiB",
        "os": platform.platform(),
        "python": platform.python_version(),
    }


def _lines(command: list[str]) -> list[str]:
    try:
        return subprocess.run(
            command, capture_output=True, text=True, check=False
        ).stdout.splitlines()
    except OSError:
        return []


def neo4j_memory(settings: Settings) -> str:
    if not settings.uses_local_neo4j:
        return f"external ({settings.neo4j_uri}): see its configuration"
    return f"local server, heap {settings.local.heap}, pagecache {settings.local.pagecache}"


def wipe(db: Database) -> int:
    """Delete every person in bounded transactions: relationships first, then the people."""
    for query, limit in (
        ("seed.delete_relationships_batch", 20_000),
        ("seed.delete_people_batch", 10_000),
    ):
        deleted = 0
        while done := db.write(query, 1, limit=limit)[0]["deleted"]:
            deleted += done
    return deleted


@click.command()
@click.option("--people", default=100_000, show_default=True)
@click.option("--avg-degree", default=40.0, show_default=True)
@click.option("--seed", default=1, show_default=True)
@click.option(
    "--slice",
    "slice_size",
    default=4_000,
    show_default=True,
    help="Connections loaded one row per transaction.",
)
@click.option("--batch-size", default=DEFAULT_BATCH_SIZE, show_default=True)
@click.option(
    "--workers", default=1, show_default=True, help="Batched write transactions in flight."
)
@click.option(
    "--wipe",
    "wipe_first",
    is_flag=True,
    help="Delete every Person (and their relationships) first.",
)
@click.option(
    "--write/--no-write",
    "write_results",
    default=True,
    show_default=True,
    help="Write bench/results/load.md.",
)
def main(people, avg_degree, seed, slice_size, batch_size, workers, wipe_first, write_results):
    """Load rate of the generated network: batched against one row per transaction."""
    settings = ready_neo4j()
    db = Database(settings)
    if wipe_first:
        click.echo(f"wiped {wipe(db):,} people")
    if db.read("seed.graph_counts", 1)[0]["people"]:
        raise click.ClickException("the graph has people: pass --wipe to delete them first")
    load_before = os.getloadavg()

    began = time.perf_counter()
    network = Network(people, avg_degree, seed, read_professions(db))
    generate_s = time.perf_counter() - began
    total = len(network.keys)
    stride = max(2, total // slice_size)
    held_back = len(range(0, total, stride))
    click.echo(
        f"generated {people:,} people, {total:,} connections in {generate_s:.1f} s; "
        f"holding back {held_back:,} (every {stride:,}th) for one-row transactions"
    )

    whole = network.dataset()
    batched = Loader(db, batch_size=batch_size, progress=True, workers=workers).load(
        Dataset(
            people=whole.people,
            connections=lambda: (row for i, row in enumerate(whole.connections()) if i % stride),
            totals={"people": people, "connections": total - held_back},
        )
    )
    click.echo(f"batched: {batched.line()}")
    single = Loader(db, batch_size=1, progress=True).load(
        Dataset(
            people=lambda: (),
            connections=lambda: (
                row for i, row in enumerate(whole.connections()) if i % stride == 0
            ),
            totals={"connections": held_back},
        )
    )
    click.echo(f"one row per transaction: {single.line()}")
    requests = Loader(db, batch_size=batch_size, progress=True).load(
        Dataset(
            people=lambda: (),
            connections=lambda: (),
            requests=whole.requests,
            totals={"requests": len(network.requests)},
        )
    )
    load_after = os.getloadavg()

    batched_rate, single_rate = batched.connections.rate, single.connections.rate
    ratio = batched_rate / single_rate if single_rate else float("inf")
    command = shlex.join([".venv/bin/python", "-m", "bench", "load", *sys.argv[1:]])
    rows = [
        ("generate (numpy)", f"{people:,} people, {total:,} connections", f"{generate_s:.1f} s"),
        (
            "people, batched",
            f"{batched.people.rows:,} rows in {batched.people.seconds:.1f} s",
            f"{batched.people.rate:,.0f} people/s",
        ),
        (
            "connections, batched",
            f"{batched.connections.rows:,} rows in {batched.connections.seconds:.1f} s",
            f"**{batched_rate:,.0f} connections/s**",
        ),
        (
            "connections, one row per transaction",
            f"{single.connections.rows:,} rows in {single.connections.seconds:.1f} s",
            f"{single_rate:,.0f} connections/s",
        ),
        ("ratio batched / one-row", "", f"**{ratio:,.0f}x**"),
        (
            "pending requests, batched",
            f"{requests.requests.rows:,} rows",
            f"{requests.requests.seconds:.1f} s",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    for name, what, figure in rows:
        click.echo(f"{name:<{width}}  {figure.replace('**', ''):>24}  {what}")
    click.echo(
        f"load: {batched_rate:,.0f} connections/s batched, {single_rate:,.0f}/s one row per "
        f"transaction, ratio {ratio:,.0f}x (target 50,000/s)"
    )
    if write_results:
        write(rows, command, settings, db, batch_size, workers, load_before, load_after)
        click.echo(f"wrote {RESULTS.relative_to(ROOT)}")


def write(rows, command, settings, db, batch_size, workers, load_before, load_after) -> None:
    info = machine()
    version = db.read("ops.server_components", 1)[0]
    notes = ""
    if RESULTS.exists() and NOTES_MARK in RESULTS.read_text():
        notes = RESULTS.read_text().split(NOTES_MARK, 1)[1]
    table = "\n".join(f"| {name} | {what} | {figure} |" for name, what, figure in rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(f"""# Seed load rate

Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with

```
{command}
```

| step | size | result |
|---|---|---|
{table}

Batched: `UNWIND` of {batch_size:,} rows per write transaction, {workers} transaction(s) in flight,
named query `seed.merge_connections_bulk` (MERGE by the `Person.id` unique index; the
`CONNECTED_TO.pair` uniqueness constraint checked on every create). One row per transaction:
the same query with a batch of 1, into the same graph.

Machine: {info["cpu"]}, {info["cores"]} cores, {info["ram"]} RAM; {info["os"]}; Python {info["python"]}.
Neo4j {version["versions"][0]} {version["edition"]}, {neo4j_memory(settings)}.
Load average (1/5/15 min) before: {" / ".join(f"{x:.1f}" for x in load_before)}, after:
{" / ".join(f"{x:.1f}" for x in load_after)} (the machine is shared; other work competes for the 2 cores).

{NOTES_MARK}{notes}""")


if __name__ == "__main__":
    main()
