"""Benchmark: the bulk load (offline importer) end to end, beside the online load of a slice of
the same generated network.

    MUTUALS_LOCAL_NEO4J_DIR=... .venv/bin/python -m bench bulk --people 1000000 --avg-degree 40 --seed 7

It needs the local Neo4j (``NEO4J_URI`` unset) and an empty graph (``--wipe`` empties it).

1. Online, for comparison: the people among the first ``--slice-people`` ids and every
   connection between two of them, loaded with ``mutuals seed``'s online loader (batched
   ``UNWIND`` in write transactions); then wiped again.
2. Bulk: ``mutuals seed generate ... --bulk`` as a user runs it (a subprocess), timed from
   the command's start to its end: generation, files, import, restart, migrations, indexes.
3. The store size on disk, the server's memory settings and resident size, the machine and
   its load; written to bench/results/bulk.md (the section of this --people value).
"""

from __future__ import annotations

import itertools
import os
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
from backend.local_neo4j import LocalNeo4j  # noqa: E402
from backend.seed.dataset import Dataset  # noqa: E402
from backend.seed.generate import Network, read_professions  # noqa: E402
from backend.seed.loader import Loader  # noqa: E402
from bench.discovery import write_section  # noqa: E402
from bench.intros import machine, mutuals_command  # noqa: E402
from bench.load import wipe  # noqa: E402
from bench.support.ready import ready_neo4j  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "bulk.md"


def online_slice(network: Network, slice_people: int) -> Dataset:
    """The first ``slice_people`` people and the connections among them, as the online
    loader's rows (the network is cut down to them: use it for nothing else after)."""
    n = network.n
    network.keys = network.keys[
        (network.keys // n < slice_people) & (network.keys % n < slice_people)
    ]
    whole = network.dataset()
    return Dataset(
        people=lambda: itertools.islice(whole.people(), slice_people),
        connections=whole.connections,
        totals={"people": slice_people, "connections": len(network.keys)},
    )


def store_size(local: LocalNeo4j) -> str:
    sizes = {
        kind: sum(
            f.stat().st_size for f in (local.data_dir / kind / "neo4j").rglob("*") if f.is_file()
        )
        for kind in ("databases", "transactions")
    }
    return ", ".join(f"{kind} {size / 2**30:.2f} GiB" for kind, size in sizes.items())


def resident(pid: int | None) -> str:
    if not pid:
        return "not running"
    status = Path(f"/proc/{pid}/status").read_text().splitlines()
    rss = next(line.split()[1] for line in status if line.startswith("VmRSS"))
    return f"{int(rss) / 2**20:.2f} GiB"


@click.command()
@click.option("--people", default=1_000_000, show_default=True)
@click.option("--avg-degree", default=40.0, show_default=True)
@click.option("--seed", default=7, show_default=True)
@click.option(
    "--slice-people",
    default=100_000,
    show_default=True,
    help="Online load: these first people and the connections among them.",
)
@click.option("--wipe", "wipe_first", is_flag=True, help="Empty the graph first (online).")
def main(people, avg_degree, seed, slice_people, wipe_first):
    """Bulk load end to end against the online load of a slice, same generated network."""
    if not Settings.from_env().uses_local_neo4j:
        raise click.ClickException("the bulk load needs the local Neo4j: unset NEO4J_URI")
    settings = ready_neo4j()
    local = LocalNeo4j(settings.local)
    db = Database(settings)
    if wipe_first:
        click.echo(f"wiped {wipe(db):,} people")
    load_before = os.getloadavg()[0]

    network = Network(people, avg_degree, seed, read_professions(db))
    dataset = online_slice(network, min(slice_people, people))
    online = Loader(db, progress=True).load(dataset)
    click.echo(f"online slice: {online.line()}")
    wipe(db)
    db.close()

    command = mutuals_command(
        *("seed", "generate", "--people", str(people), "--avg-degree", str(avg_degree)),
        *("--seed", str(seed), "--bulk", "--progress"),
    )
    began = time.perf_counter()
    run = subprocess.run(command, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=False)
    wall = time.perf_counter() - began
    click.echo(run.stdout)
    if run.returncode != 0:
        raise click.ClickException(f"the bulk load failed (exit {run.returncode})")
    summary = next(line for line in run.stdout.splitlines() if line.startswith("generate --bulk"))
    counts = db.read("seed.graph_counts", 1)[0]
    rate = counts["connections"] / wall
    online_rate = online.connections.rate
    load_after = os.getloadavg()[0]
    rows = [
        ("bulk, end to end (one command)", f"{wall:.1f} s", f"**{rate:,.0f} connections/s**"),
        (
            "online, same network's slice",
            f"{online.people.rows:,} people, {online.connections.rows:,} connections "
            f"in {online.seconds:.1f} s",
            f"{online_rate:,.0f} connections/s",
        ),
        ("ratio bulk / online", "", f"**{rate / online_rate if online_rate else 0:,.1f}x**"),
    ]
    table = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in rows)
    section = f"""## {people:,} people, average degree {avg_degree:g}

Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC with

```
{shlex.join([".venv/bin/python", "-m", "bench", "bulk", *sys.argv[1:]])}
```

- machine: {machine()}; shared with other work (1-minute load average {load_before:.1f} before, {load_after:.1f} after)
- graph: {counts["people"]:,} people, {counts["connections"]:,} connections, {counts["requests"]:,} requests
- Neo4j: heap {settings.local.heap}, page cache {settings.local.pagecache} (MUTUALS_LOCAL_HEAP / MUTUALS_LOCAL_PAGECACHE); importer heap the same, its off-heap memory Neo4j's default (90% of free memory)
- store on disk after the load: {store_size(local)}; server resident size after the load: {resident(local.pid())}
- the command's own summary: `{summary}`

| what | size / time | rate |
|---|---|---|
{table}
"""
    write_section(f"{people}", section, RESULTS, "bulk", "# Bulk load benchmark\n")
    click.echo(table)
    click.echo(f"bulk: {rate:,.0f} connections/s end to end; online {online_rate:,.0f}/s")
    db.close()


if __name__ == "__main__":
    main()
