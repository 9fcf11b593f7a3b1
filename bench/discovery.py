"""Benchmark: network discovery hot paths through the API, raw Bolt, the naive query and
plain Python, on the same graph, with every answer checked to agree.

    .venv/bin/python -m bench discovery --graph ego-facebook
    .venv/bin/python -m bench discovery --graph generated --people 100000 --avg-degree 40 --seed 7

1. The graph: ego-Facebook is imported with ``mutuals seed import --format snap --id-prefix fb``,
   the generated one made with ``mutuals seed generate``; a database that already holds it is
   reused. A database holding anything else is emptied only with ``--reset``.
2. The people: a hub (connections closest to ``--hub-degree``) and a median person (median
   number of connections, median reach among them); the mutuals are the hub's with its best
   2nd connection, the path goes from the median person to someone 3 hops away.
3. Each hot path, in turns: ``GET`` on the API under gunicorn (a subprocess), the same named
   query over Bolt, the naive query tutorials publish (bench/cypher/network/naive_*), and
   the plain-Python computation (harness/inmemory.py) on the graph read into memory. Warm-up
   first; then up to ``--requests`` rounds, fewer when a path's ``--budget`` seconds run out.
   A naive query that passes ``--naive-timeout`` is stopped and reported as such.
4. A table of p50/p99 with the ratios API/raw, naive/ours and ours/in-memory, written to
   bench/results/discovery.md (the section of this graph; the rest of the file stays).
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import click
import neo4j
import requests
from neo4j.exceptions import ClientError
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend.db import Database  # noqa: E402
from backend.months import month_of  # noqa: E402
from backend.network import service  # noqa: E402
from backend.tokens import new_token  # noqa: E402
from bench.intros import (  # noqa: E402
    generate_args,
    gunicorn,
    machine,
    mutuals_command,
    neo4j_setup,
    percentile,
)
from bench.support.ready import ready_neo4j  # noqa: E402
from harness.inmemory import Network  # noqa: E402
from harness.queries import bench_registry  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "discovery.md"
SNAP_FILE = ROOT.parent / "shared" / "data" / "snap-ego-facebook" / "facebook_combined.txt"
PAGE = 20
MARKERS = {"ego-facebook": "fb0", "generated": "g0"}
NO_FILTERS = dict(
    location=None, industry=None, profession=None, skill=None, organization=None, title=None
)


# -- the graph ---------------------------------------------------------------------------------


def ensure_graph(
    db: Database, graph: str, people: int, avg_degree: float, seed: int, reset: bool
) -> str:
    """Load the graph unless the database already holds it; say how it got there."""
    if graph == "ego-facebook":
        command = ["seed", "import", str(SNAP_FILE), "--format", "snap", "--id-prefix", "fb"]
    else:
        command = generate_args(people, avg_degree, seed)
    counts = db.read("seed.graph_counts", 1)[0]
    present = bool(db.read("seed.existing_people", 1, ids=[MARKERS[graph]]))
    if present and (graph == "ego-facebook" or counts["people"] == people):
        how = "already in the database"
    else:
        if counts["people"]:
            if not reset:
                raise click.ClickException(
                    f"the database holds {counts['people']:,} other people; pass --reset to empty it first"
                )
            with tqdm(total=counts["people"], desc="emptying", unit="person") as bar:
                while deleted := db.write("seed.delete_people_batch", 1, limit=5000)[0]["deleted"]:
                    bar.update(deleted)
        if graph == "ego-facebook" and not SNAP_FILE.exists():
            raise click.ClickException(f"{SNAP_FILE} is absent")
        click.echo("loading: mutuals " + shlex.join(command))
        subprocess.run(mutuals_command(*command, "--progress"), cwd=ROOT, check=True)
        how = "loaded by this run"
    counts = db.read("seed.graph_counts", 1)[0]
    return (
        f"{counts['people']:,} people, {counts['connections']:,} connections, "
        f"{counts['requests']:,} pending requests, {counts['blocked']:,} blocks "
        f"(`mutuals {shlex.join(command)}`; {how})"
    )


def pick_people(db: Database, hub_degree: int) -> dict:
    """The people measured: a hub (connections closest to ``hub_degree``), a median person,
    the hub's best 2nd connection and someone 3 hops from the median person."""
    picked = db.read("network.bench_people", 2, hub_degree=hub_degree, sample=201)[0]
    picked["best_2nd_of_hub"] = db.read(
        "network.second_degree",
        2,
        person_id=picked["hub_id"],
        **NO_FILTERS,
        after_count=None,
        after_id=None,
        limit=1,
        sample_size=0,
    )[0]["id"]
    sets = db.read("network.degree_sets", 1, person_id=picked["median_id"], with_third=True)[0]
    picked["far_from_median"] = min(sets["third"] or sets["second"])
    return picked


def read_network(db: Database) -> Network:
    """The whole graph in plain Python: adjacency sets, attributes, requests, complements."""
    network = Network()
    with db.session(default_access_mode=neo4j.READ_ACCESS) as session:
        people = session.run(db.query("seed.export_people", 1).text)
        for row in tqdm(people, desc="reading people", unit="person"):
            network.people[row["id"]] = {
                key: row[key] for key in ("name", "location", "industry", "profession", "skills")
            }
            network.adjacency.setdefault(row["id"], set())
        for row in tqdm(
            session.run(db.query("seed.export_connections", 1).text),
            desc="reading connections",
            unit="connection",
        ):
            network.connect(row["a"], row["b"])
        for row in session.run(db.query("seed.export_requests", 1).text):
            network.requests.add((row["sender"], row["recipient"]))
    for row in db.read("seed.professions", 1):
        network.complements |= {frozenset((row["name"], other)) for other in row["complements"]}
    return network


# -- the hot paths -----------------------------------------------------------------------------


@dataclass
class HotPath:
    name: str
    ways: dict[str, Callable[[], object]]  # api, bolt, naive, memory -> normalized answer
    samples: dict[str, list[float]] = field(default_factory=dict)
    answers: dict[str, object] = field(default_factory=dict)
    timed_out: set[str] = field(default_factory=set)
    slow: set[str] = field(default_factory=set)  # warmed up once only

    @property
    def agree(self) -> bool:
        values = [v for k, v in self.answers.items() if k not in self.timed_out]
        return all(v == values[0] for v in values)


class NaiveTimeout(Exception):
    pass


def naive_runner(db: Database, timeout: float):
    def run(name: str, **params) -> list[dict]:
        query = db.query(name, 1)

        @neo4j.unit_of_work(timeout=timeout)
        def work(tx):
            return [record.data() for record in tx.run(query.text, query.bind(**params))]

        try:
            with db.session(default_access_mode=neo4j.READ_ACCESS) as session:
                return session.execute_read(work)
        except ClientError as error:
            if "Timeout" in (error.code or "") or "timeout" in str(error).lower():
                raise NaiveTimeout() from error
            raise

    return run


def hot_paths(db: Database, network: Network, people: dict, api, naive) -> list[HotPath]:
    hub, median = people["hub_id"], people["median_id"]
    friend, far = people["best_2nd_of_hub"], people["far_from_median"]
    paths = []
    for label, me in (("median person", median), (f"hub ({people['hub_degree']:,})", hub)):
        paths.append(
            HotPath(
                f"2nd-degree top {PAGE}, {label}",
                {
                    "api": lambda me=me: [
                        (i["id"], i["mutual_count"])
                        for i in api(me, "/v1/me/second-degree", limit=PAGE)["items"]
                    ],
                    "bolt": lambda me=me: [
                        (r["id"], r["mutual_count"])
                        for r in db.read(
                            "network.second_degree",
                            2,
                            person_id=me,
                            **NO_FILTERS,
                            after_count=None,
                            after_id=None,
                            limit=PAGE + 1,
                            sample_size=service.MUTUAL_SAMPLE_SIZE,
                        )
                    ][:PAGE],
                    "naive": lambda me=me: [
                        (r["id"], r["mutual_count"])
                        for r in naive("network.naive_second_degree", person_id=me, limit=PAGE)
                    ],
                    "memory": lambda me=me: network.ranked_second_degree(me)[:PAGE],
                },
            )
        )

    def name_order(ids):
        return sorted(ids, key=lambda p: ((network.people[p]["name"] or "").lower(), p))

    paths.append(
        HotPath(
            "mutuals page, hub and its best 2nd connection",
            {
                "api": lambda: [
                    i["id"] for i in api(hub, f"/v1/people/{friend}/mutual", limit=PAGE)["items"]
                ],
                "bolt": lambda: [
                    r["id"]
                    for r in db.read(
                        "network.mutual",
                        1,
                        person_id=hub,
                        other_id=friend,
                        after_name="",
                        after_id="",
                        limit=PAGE + 1,
                    )
                ][:PAGE],
                "naive": lambda: [
                    r["id"]
                    for r in naive(
                        "network.naive_mutual", person_id=hub, other_id=friend, limit=PAGE
                    )
                ],
                "memory": lambda: name_order(network.mutuals(hub, friend))[:PAGE],
            },
        )
    )
    paths.append(
        HotPath(
            "path, median person to 3 hops",
            {
                "api": lambda: _path_answer(api(median, f"/v1/people/{far}/path")),
                "bolt": lambda: _path_answer(
                    db.read(
                        "network.path",
                        2,
                        person_id=median,
                        target_id=far,
                        max_paths=service.MAX_PATHS,
                    )[0]
                ),
                "naive": lambda: _naive_path_answer(
                    naive(
                        "network.naive_path",
                        person_id=median,
                        target_id=far,
                        max_paths=service.MAX_PATHS,
                    )
                ),
                "memory": lambda: network.path(median, far, service.MAX_PATHS),
            },
        )
    )
    for label, me in (("median person", median), ("hub", hub)):
        paths.append(
            HotPath(
                f"network counts, {label}",
                {
                    "api": lambda me=me: _counts(api(me, "/v1/me/network")),
                    "bolt": lambda me=me: _counts(
                        db.read("network.network_counts", 1, person_id=me)[0]
                    ),
                    "naive": lambda me=me: _naive_counts(
                        naive("network.naive_network_counts", person_id=me)
                    ),
                    "memory": lambda me=me: _counts(network.network_counts(me)),
                },
            )
        )
    for label, me in (("median person", median), ("hub", hub)):
        paths.append(
            HotPath(
                f"suggestions top {PAGE}, {label}",
                {
                    "api": lambda me=me: [
                        (i["id"], round(i["score"] * service.SCORE_SCALE))
                        for i in api(me, "/v1/me/suggestions", limit=PAGE)["items"]
                    ],
                    "bolt": lambda me=me: [
                        (r["id"], r["score"])
                        for r in db.read(
                            *service.SUGGESTIONS.live_query,
                            person_id=me,
                            weights=service.SCORE_WEIGHTS,
                            pool_size=service.SUGGESTION_POOL_SIZE,
                            ties=service.TIES,
                            now_month=month_of(datetime.now(UTC)),
                            after_score=None,
                            after_id=None,
                            limit=PAGE + 1,
                            sample_size=service.MUTUAL_SAMPLE_SIZE,
                        )
                    ][:PAGE],
                    "naive": lambda me=me: [
                        (r["id"], r["score"])
                        for r in naive(
                            "network.naive_suggestions",
                            person_id=me,
                            weights=service.SCORE_WEIGHTS,
                            pool_size=service.SUGGESTION_POOL_SIZE,
                            limit=PAGE,
                        )
                    ],
                    "memory": lambda me=me: network.suggestions(
                        me, service.SCORE_WEIGHTS, service.SUGGESTION_POOL_SIZE
                    )[:PAGE],
                },
            )
        )
    return paths


def _path_answer(body: dict) -> tuple:
    return body["degree"], [tuple(step["id"] for step in path) for path in body["paths"]]


def _naive_path_answer(rows: list[dict]) -> tuple:
    return (rows[0]["degree"] if rows else None), [tuple(row["path"]) for row in rows]


def _counts(body: dict) -> tuple:
    return body["first"], body["second"], body["third"]


def _naive_counts(rows: list[dict]) -> tuple:
    by_degree = {row["degree"]: row["people"] for row in rows}
    return by_degree.get(1, 0), by_degree.get(2, 0), by_degree.get(3, 0)


# -- measuring -----------------------------------------------------------------------------------

WAYS = ("api", "bolt", "naive", "memory")
SLOW_MS, SLOW_SAMPLES = 1000, 5  # a way slower than a second stops after this many samples


def measure(paths: list[HotPath], rounds: int, warmup: int, budget: float) -> None:
    """Each path's ways take turns (so that a shared machine's load falls on all alike), until
    ``rounds`` rounds or ``budget`` seconds for the path. A way slower than SLOW_MS (the naive
    query at a hub) stops after SLOW_SAMPLES; a slow naive query's time is not counted against
    the budget, so that the other ways still get their rounds."""
    with tqdm(total=len(paths) * rounds, desc="measuring", unit="round") as bar:
        for path in paths:
            spent = 0.0  # seconds, but a slow naive query's
            for n in range(warmup + rounds):
                for way in WAYS:
                    done = path.samples.get(way, [])
                    if (
                        way not in path.ways
                        or way in path.timed_out
                        or (len(done) >= SLOW_SAMPLES and min(done) > SLOW_MS)
                        or (n < warmup and way in path.slow and way in path.answers)
                    ):
                        continue
                    started = time.perf_counter()
                    try:
                        answer = path.ways[way]()
                    except NaiveTimeout:
                        path.timed_out.add(way)
                        continue
                    elapsed = (time.perf_counter() - started) * 1000
                    path.answers.setdefault(way, answer)
                    if elapsed > SLOW_MS:
                        path.slow.add(way)
                    if not (way == "naive" and way in path.slow):
                        spent += elapsed / 1000
                    if n >= warmup:
                        path.samples.setdefault(way, []).append(elapsed)
                if n >= warmup:
                    bar.update(1)
                if n >= warmup + 4 and spent > budget:
                    bar.update(warmup + rounds - n - 1)
                    break


def table(paths: list[HotPath], naive_timeout: float) -> str:
    def cell(path, way, q):
        if way not in path.ways:
            return "-"
        if way in path.timed_out:
            return f"> {naive_timeout:.0f} s"
        return f"{percentile(path.samples[way], q):.1f}"

    def ratio(path, a, b):
        if a not in path.ways or b not in path.ways:
            return "-"
        if a in path.timed_out:
            return f"> {naive_timeout * 1000 / percentile(path.samples[b], 50):.0f}x"
        return f"{percentile(path.samples[a], 50) / percentile(path.samples[b], 50):.2f}x"

    lines = [
        "| hot path | calls (naive) | API p50 | API p99 | Bolt p50 | Bolt p99 | naive p50 | naive p99 | "
        "in-memory p50 | in-memory p99 | API/raw | naive/ours | ours/in-memory | answers agree |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for p in paths:
        lines.append(
            f"| {p.name} | {len(p.samples['bolt'])} ({len(p.samples.get('naive', []))}) | {cell(p, 'api', 50)} | {cell(p, 'api', 99)} | "
            f"{cell(p, 'bolt', 50)} | {cell(p, 'bolt', 99)} | {cell(p, 'naive', 50)} | {cell(p, 'naive', 99)} | "
            f"{cell(p, 'memory', 50)} | {cell(p, 'memory', 99)} | {ratio(p, 'api', 'bolt')} | "
            f"{ratio(p, 'naive', 'bolt')} | {ratio(p, 'bolt', 'memory')} | "
            f"{'yes' if p.agree else 'NO'}{' (naive timed out)' if p.timed_out else ''} |"
        )
    return "\n".join(lines)


def write_section(
    key: str,
    text: str,
    results: Path = RESULTS,
    kind: str = "graph",
    title: str = "# Network discovery benchmark\n\n",
) -> None:
    """Replace the section ``key`` (between ``<!-- kind: key -->`` markers) of a results file,
    keeping everything else; a new section goes at the end."""
    begin, end = f"<!-- {kind}: {key} -->", f"<!-- end {kind}: {key} -->"
    old = results.read_text() if results.exists() else title
    block = f"{begin}\n{text}\n{end}"
    if begin in old and end in old:
        new = old[: old.index(begin)] + block + old[old.index(end) + len(end) :]
    else:
        new = old.rstrip("\n") + "\n\n" + block + "\n"
    results.parent.mkdir(parents=True, exist_ok=True)
    results.write_text(new)


# -- the command ---------------------------------------------------------------------------------


@click.command()
@click.option("--graph", type=click.Choice(sorted(MARKERS)), default="generated", show_default=True)
@click.option("--people", default=100_000, show_default=True, help="People to generate.")
@click.option("--avg-degree", default=40.0, show_default=True)
@click.option("--seed", default=7, show_default=True)
@click.option("--reset", is_flag=True, help="Empty a database that holds other people first.")
@click.option(
    "--hub-degree", default=1700, show_default=True, help="Connections the hub should have."
)
@click.option(
    "--requests", "rounds", default=100, show_default=True, help="Measured rounds per hot path."
)
@click.option("--warmup", default=5, show_default=True)
@click.option(
    "--budget", default=60.0, show_default=True, help="Seconds per hot path (at least 5 rounds)."
)
@click.option(
    "--naive-timeout",
    default=30.0,
    show_default=True,
    help="Seconds before a naive query is stopped.",
)
@click.option("--workers", default=2, show_default=True, help="gunicorn workers.")
@click.option("--threads", default=4, show_default=True, help="gunicorn threads per worker.")
@click.option(
    "--in-memory/--no-in-memory",
    default=True,
    show_default=True,
    help="Also time plain Python on the graph read into memory (at 1M people: ~20 minutes "
    "of reading and several GB).",
)
def main(
    graph,
    people,
    avg_degree,
    seed,
    reset,
    hub_degree,
    rounds,
    warmup,
    budget,
    naive_timeout,
    workers,
    threads,
    in_memory,
):
    """p50/p99 of each discovery hot path: API, raw Bolt, naive query, plain Python."""
    settings = ready_neo4j()
    started, load_before = time.monotonic(), os.getloadavg()[0]
    db = Database(settings, bench_registry())
    described = ensure_graph(db, graph, people, avg_degree, seed, reset)
    click.echo(f"graph: {described}")
    picked = pick_people(db, hub_degree)
    click.echo(f"people: {picked}")
    network = read_network(db) if in_memory else None

    tokens = {}
    for person in (picked["hub_id"], picked["median_id"]):
        tokens[person], token_hash = new_token()
        db.write(
            "auth.create_token",
            1,
            person_id=person,
            token_hash=token_hash,
            now=datetime.now(UTC),
        )

    with gunicorn(settings, workers, threads) as base, requests.Session() as session:

        def api(me: str, path: str, **query) -> dict:
            response = session.get(
                base + path,
                params=query,
                timeout=300,
                headers={"Authorization": f"Bearer {tokens[me]}"},
            )
            response.raise_for_status()
            return response.json()

        paths = hot_paths(db, network, picked, api, naive_runner(db, naive_timeout))
        if network is None:
            for path in paths:
                del path.ways["memory"]
        measure(paths, rounds, warmup, budget)

    result = table(paths, naive_timeout)
    click.echo(result)
    hub_2nd, median_2nd = paths[1], paths[0]
    command = "python -m bench discovery " + shlex.join(sys.argv[1:])
    # One section per generated size, so that sizes stand side by side.
    section = graph if graph == "ego-facebook" else f"{graph}-{people}"
    write_section(
        section,
        "\n".join(
            [
                f"## {section}",
                "",
                f"- command: `{command}`",
                f"- machine: {machine()}; shared with other work while it ran (1-minute load average "
                f"{load_before:.1f} before, {os.getloadavg()[0]:.1f} after)",
                f"- database: {neo4j_setup(db)}",
                f"- graph: {described}",
                f"- people: hub {picked['hub_id']} ({picked['hub_degree']:,} connections); median person "
                f"{picked['median_id']} ({picked['median_degree']} connections whose own connections total "
                f"{picked['median_reach']:,}); mutuals with {picked['best_2nd_of_hub']}; path to {picked['far_from_median']}",
                f"- server: gunicorn, {workers} workers x {threads} threads, one client; {warmup} warm-up rounds, "
                f"then up to {rounds} rounds or {budget:.0f} s per hot path; naive queries stopped after "
                f"{naive_timeout:.0f} s; times in ms",
                "",
                result,
            ]
        ),
    )
    click.echo(
        f"done in {time.monotonic() - started:.0f}s: hub 2nd-degree API p50 "
        f"{percentile(hub_2nd.samples['api'], 50):.1f} ms, median person "
        f"{percentile(median_2nd.samples['api'], 50):.1f} ms; "
        f"answers agree on {sum(p.agree for p in paths)}/{len(paths)} hot paths; "
        f"written to {RESULTS.relative_to(ROOT)}"
    )
    db.close()


if __name__ == "__main__":
    main()
