"""Benchmark: network views beside the live queries, in one run, on the same graph.

    .venv/bin/python -m bench views --people 100000 --avg-degree 40 --seed 7

1. The graph: the generated network of ``bench discovery`` (loaded unless already there).
2. The people: a hub (connections closest to ``--hub-degree``), a big hub (closest to
   ``--big-degree``), the median person of ``bench discovery`` and a light person next to
   hubs (at most 6 connections, one with 1,000+, 2-hop work 2,000-4,999). Each one's view is
   computed cold (timed: what a refresh costs).
3. Hot paths (2nd-degree top 20, suggestions top 20, network counts) through the API of two
   servers on the same database, taking turns: one with views (the defaults), one live-only
   (``MUTUALS_VIEW_MAX_AGE=0``); their answers are checked equal.
4. Writes: sending and accepting a connection request between newly signed-up people on the
   views server and on ``--baseline`` (the code before views, or before deltas: a temporary
   git worktree), taking turns. Own changes: the hubs accept a newcomer's request (with
   ``--own-askers members``, a pool person's, removed again after) and at once read their
   2nd-degree page, suggestions and counts (from a view?), on both servers.
5. Mixed load: ``--clients`` concurrent clients for ``--duration`` seconds on each server,
   the mix of the views issue (45% 2nd-degree, 15% profiles, 10% mutuals, 8% suggestions, 7%
   paths, 8% requests, 7% accepts) acted by people drawn at random from ``--pool`` people with
   2+ connections: first live-only, then, once the heavy people of the pool have their views
   (computed then, timed), with views; with ``--own-share`` the same again with that share of
   accepts. Requests/s, p50/p99 per kind, 5xx, the graph's invariants afterwards, and how
   soon the neighbours' deltas were applied (/metrics).
6. Bytes: the views' payload per part and per person.

The table goes to bench/results/views.md; a summary line ends the run.
"""

from __future__ import annotations

import os
import random
import secrets
import shlex
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import click
import requests
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend import create_app  # noqa: E402
from backend.tokens import new_token  # noqa: E402
from bench.discovery import ensure_graph  # noqa: E402
from bench.intros import gunicorn, machine, neo4j_setup, percentile  # noqa: E402
from bench.support.ready import ready_neo4j  # noqa: E402
from harness.queries import with_bench_queries  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "views.md"
BASELINE = "a21917e"  # the last commit before network views
PAGE = 20
BLOCK = 5
MIX = (
    ("2nd-degree", 45),
    ("profile", 15),
    ("mutuals", 10),
    ("suggestions", 8),
    ("path", 7),
    ("request", 8),
    ("accept", 7),
)
READS = ("2nd-degree", "profile", "mutuals", "suggestions", "path")
PART = {
    "2nd-degree top 20": "second",
    "suggestions top 20": "suggestions",
    "network counts": "counts",
}


# -- servers -----------------------------------------------------------------------------------


@contextmanager
def baseline_checkout(ref: str):
    """The code at ``ref`` in a temporary git worktree, removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="mutuals-baseline-"))
    subprocess.run(
        ["git", "worktree", "add", "--detach", str(folder), ref],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    try:
        yield folder
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(folder)], cwd=ROOT, capture_output=True
        )


class Client:
    """A requests session per thread against one server, with the people's tokens."""

    def __init__(self, base: str, tokens: dict[str, str]):
        self.base, self.tokens, self._local = base, tokens, threading.local()

    def call(self, method: str, person: str, path: str, **kwargs) -> requests.Response:
        session = getattr(self._local, "session", None) or requests.Session()
        self._local.session = session
        return session.request(
            method,
            self.base + path,
            timeout=120,
            headers={"Authorization": f"Bearer {self.tokens[person]}"},
            **kwargs,
        )

    def get(self, person: str, path: str, **params) -> dict:
        response = self.call("GET", person, path, params=params)
        response.raise_for_status()
        return response.json()


def timed(call) -> tuple[float, object]:
    began = time.perf_counter()
    answer = call()
    return (time.perf_counter() - began) * 1000, answer


# -- 3. hot paths ------------------------------------------------------------------------------


def hot_paths(people: dict[str, str], rounds: int, servers: dict[str, Client]) -> list[dict]:
    def answers(client, person):
        return {
            "2nd-degree top 20": lambda: [
                (i["id"], i["mutual_count"])
                for i in client.get(person, "/v1/me/second-degree", limit=PAGE)["items"]
            ],
            "suggestions top 20": lambda: [
                (i["id"], i["score"])
                for i in client.get(person, "/v1/me/suggestions", limit=PAGE)["items"]
            ],
            "network counts": lambda: tuple(
                client.get(person, "/v1/me/network")[k] for k in ("first", "second", "third")
            ),
        }

    rows = []
    with tqdm(total=len(people) * 3 * rounds, desc="hot paths", unit="round") as bar:
        for label, person in people.items():
            ways = {name: answers(client, person) for name, client in servers.items()}
            for path in ways["views"]:
                samples, seen = defaultdict(list), {}
                for name in servers:  # warm-up
                    seen[name] = ways[name][path]()
                # Blocks of BLOCK rounds per server, alternating: a live query at a hub keeps
                # Neo4j busy (GC) for a while, which the next call would otherwise pay for.
                for _ in range(0, rounds, BLOCK):
                    for name in servers:
                        for _ in range(BLOCK):
                            samples[name].append(timed(ways[name][path])[0])
                    bar.update(BLOCK)
                rows.append(
                    {
                        "person": label,
                        "path": path,
                        "samples": samples,
                        "agree": seen["views"] == seen["live"],
                    }
                )
    return rows


# -- 4. writes ---------------------------------------------------------------------------------


def write_path(servers: dict[str, str], pairs: int) -> dict[str, dict[str, list[float]]]:
    """Sign up two people, then time the request and its acceptance, servers taking turns."""
    samples = {name: defaultdict(list) for name in servers}
    with requests.Session() as session:

        def post(base, path, token=None, **body):
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            began = time.perf_counter()
            response = session.post(base + path, json=body, headers=headers, timeout=60)
            response.raise_for_status()
            return (
                time.perf_counter() - began
            ) * 1000, response.json() if response.content else None

        for n in tqdm(range(pairs), desc="writes", unit="pair"):
            for name, base in servers.items():
                (_, a), (_, b) = (
                    post(base, "/v1/people", name=f"Bench {name} {n} {side}") for side in "ab"
                )
                sent, _ = post(base, "/v1/me/requests", a["token"], to=b["person"]["id"])
                accepted, _ = post(
                    base, f"/v1/me/requests/incoming/{a['person']['id']}/accept", b["token"]
                )
                samples[name]["request"].append(sent)
                samples[name]["accept"].append(accepted)
                for person in (a, b):  # leave the benchmark's graph as it was
                    session.delete(
                        base + "/v1/me",
                        timeout=60,
                        headers={"Authorization": f"Bearer {person['token']}"},
                    )
    return samples


# -- 4b. own changes ---------------------------------------------------------------------------

# In this order: a counts part that the change left to a background recompute (seconds at a
# hub) is not recomputed yet when it is read, whatever the suggestions cost.
OWN_READS = {
    "2nd-degree top 20": "/v1/me/second-degree",
    "network counts": "/v1/me/network",
    "suggestions top 20": "/v1/me/suggestions",
}


def own_changes(
    servers: dict[str, str],
    subjects: dict[str, str],
    tokens: dict[str, str],
    rounds: int,
    members: list[str] | None = None,
    reads: dict[str, str] = OWN_READS,
) -> dict:
    """A newcomer asks the person; the person accepts (timed) and at once reads their
    2nd-degree page, suggestions and counts (``reads``; timed, and whether from a view);
    servers taking turns. The newcomers are deleted after the last round. With ``members``
    (people of the graph, with tokens), the next member not yet connected to the person asks
    instead, and the person removes the connection after the reads (timed: ``remove``): the
    deltas then read the member's connections (and the counts delta their 2 hops)."""
    samples = {name: {label: defaultdict(list) for label in subjects} for name in servers}
    newcomers, askers = [], iter(members or ())
    with requests.Session() as session:

        def send(base, method, path, token=None, **body):
            headers = {"Authorization": f"Bearer {token}"} if token else {}
            began = time.perf_counter()
            response = session.request(
                method, base + path, json=body or None, headers=headers, timeout=120
            )
            return (time.perf_counter() - began) * 1000, response

        def call(base, method, path, token=None, **body):
            ms, response = send(base, method, path, token, **body)
            response.raise_for_status()
            return ms, response.json() if response.content else None

        def ask(base, name, n, person) -> str:
            """Who asked the person (a request sent): a newcomer or the next member."""
            if members is None:
                _, newcomer = call(base, "POST", "/v1/people", name=f"Own {name} {n}")
                newcomers.append((base, newcomer))
                call(base, "POST", "/v1/me/requests", newcomer["token"], to=person)
                return newcomer["person"]["id"]
            for member in askers:
                _, sent = send(base, "POST", "/v1/me/requests", tokens[member], to=person)
                if sent.status_code == 201:
                    return member
            raise click.ClickException("more own rounds than --pool members to ask")

        for n in tqdm(range(rounds), desc="own changes", unit="round"):
            for name, base in servers.items():
                for label, person in subjects.items():
                    asker = ask(base, name, n, person)
                    accepted, _ = call(
                        base, "POST", f"/v1/me/requests/incoming/{asker}/accept", tokens[person]
                    )
                    samples[name][label]["accept"].append((accepted, True))
                    for path, url in reads.items():
                        ms, answer = call(base, "GET", url, tokens[person])
                        samples[name][label][path].append((ms, bool(answer.get("from_view"))))
                    if members is not None:
                        removed, _ = call(
                            base, "DELETE", f"/v1/me/connections/{asker}", tokens[person]
                        )
                        samples[name][label]["remove"].append((removed, True))
        for base, newcomer in newcomers:
            call(base, "DELETE", "/v1/me", newcomer["token"], confirm=newcomer["person"]["id"])
    return samples


class Metrics:
    """A server's /metrics, read with the admin token the bench gave its servers."""

    def __init__(self, base: str, admin_token: str):
        self.base, self.admin_token = base, admin_token

    def lines(self, name: str, tries: int = 30) -> list[str]:
        """The lines of ``name``. /metrics checks the caller's failed authentications in Neo4j
        first, which a loaded server may answer 503 within its deadline: tried again."""
        for attempt in range(tries):
            try:
                response = requests.get(
                    self.base + "/metrics",
                    headers={"Authorization": f"Bearer {self.admin_token}"},
                    timeout=60,
                )
                response.raise_for_status()
                return [line for line in response.text.splitlines() if line.startswith(name)]
            except requests.RequestException:
                if attempt == tries - 1:
                    raise
                time.sleep(1)
        return []

    def lag_buckets(self) -> dict[float, float]:
        """The neighbours' deltas' lag histogram: cumulative count per bucket bound."""
        buckets: dict[float, float] = {}
        for line in self.lines("mutuals_view_delta_lag_seconds_bucket"):
            bound = float(line.split('le="')[1].split('"')[0])
            buckets[bound] = buckets.get(bound, 0) + float(line.split()[-1])
        return buckets

    def query_seconds(self) -> dict[str, tuple[float, float]]:
        """Per named query (and the neighbours' delta batches): (seconds, calls) so far,
        summed over the server's workers."""
        totals: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        for line in self.lines("mutuals_"):
            for metric, slot in (
                ("mutuals_query_seconds_sum", 0),
                ("mutuals_query_seconds_count", 1),
                ("mutuals_view_delta_seconds_sum", 0),
                ("mutuals_view_delta_seconds_count", 1),
            ):
                if line.startswith(metric + "{") or line.startswith(metric + " "):
                    name = (
                        line.split('query="')[1].split('"')[0]
                        if "query=" in line
                        else "(neighbours' delta batch)"
                    )
                    totals[name][slot] += float(line.split()[-1])
        return {name: (seconds, calls) for name, (seconds, calls) in totals.items()}

    def read_outcomes(self) -> dict[str, float]:
        """Discovery reads so far by part and how they were answered (view, live, past_view)."""
        outcomes: dict[str, float] = defaultdict(float)
        for line in self.lines("mutuals_view_reads_total{"):
            part = line.split('part="')[1].split('"')[0]
            outcome = line.split('outcome="')[1].split('"')[0]
            outcomes[f"{part} {outcome}"] += float(line.split()[-1])
        return outcomes

    def delta_troubles(self) -> dict[str, float]:
        """The neighbours' deltas so far that failed (each attempt, tried again after) and the
        changes dropped, over the server's workers."""
        return {
            key: sum(float(line.split()[-1]) for line in self.lines(metric + " "))
            for key, metric in (
                ("failed", "mutuals_view_delta_failures_total"),
                ("dropped", "mutuals_view_deltas_dropped_total"),
            )
        }

    def pending(self) -> int:
        """Changes waiting for their neighbours' delta, over the server's workers."""
        return int(sum(float(line.split()[-1]) for line in self.lines("mutuals_view_pending ")))

    def drain(self, limit_s: float = 600) -> float:
        """Wait until no change waits for its neighbours' delta; seconds waited."""
        began = time.monotonic()
        while self.pending() and time.monotonic() - began < limit_s:
            time.sleep(0.5)
        return time.monotonic() - began


def lag_between(before: dict[float, float], after: dict[float, float]) -> dict:
    """The changes applied between two readings of the lag histogram: their count and the
    smallest bucket bound holding 50% and 99% of them."""
    buckets = {bound: after[bound] - before.get(bound, 0) for bound in after}
    total = buckets.get(float("inf"), 0)

    def bound(share):
        return next((b for b in sorted(buckets) if total and buckets[b] >= share * total), None)

    return {"count": int(total), "p50_le": bound(0.5), "p99_le": bound(0.99)}


# -- 5. mixed load -----------------------------------------------------------------------------


def undo(client: Client, pending: list[tuple[str, str]], connected: list[tuple[str, str]]) -> None:
    """Withdraw the requests and remove the connections a mixed load made (through the API),
    so that the next run meets the same graph."""
    for sender, recipient in tqdm(pending + connected, desc="undoing the load", unit="pair"):
        path = (
            f"/v1/me/requests/outgoing/{recipient}"
            if (sender, recipient) in pending
            else f"/v1/me/connections/{recipient}"
        )
        try:
            client.call("DELETE", sender, path)
        except requests.RequestException:  # left as it is; the invariants still hold
            continue


def action(kind: str, other: str, request: tuple[str, str] | None) -> tuple[str, str, dict | None]:
    """(method, path, body) of one request of the mix."""
    if kind == "accept":
        return "POST", f"/v1/me/requests/incoming/{request[0]}/accept", None
    return {
        "2nd-degree": ("GET", "/v1/me/second-degree", None),
        "profile": ("GET", f"/v1/people/{other}", None),
        "mutuals": ("GET", f"/v1/people/{other}/mutual", None),
        "suggestions": ("GET", "/v1/me/suggestions", None),
        "path": ("GET", f"/v1/people/{other}/path", None),
        "request": ("POST", "/v1/me/requests", {"to": other}),
    }[kind]


def pool_views(refresher, heavy: list[str]) -> float:
    """The pool's views as active users have them: computed, and not yet due. Seconds."""
    began = time.monotonic()
    for person in tqdm(heavy, desc="pool views", unit="person"):
        for part in ("second", "suggestions"):  # what the mix reads
            refresher.refresh(person, part, force=True)
    return time.monotonic() - began


def own_change_mix(share: float) -> tuple[tuple[str, int], ...]:
    """The mix with ``share`` of the calls accepts (own changes) and as many requests to feed
    them; the 2nd-degree reads take the rest of the writes' share (weights per 10,000)."""
    writes = round(share * 10_000)
    weights = {kind: weight * 100 for kind, weight in MIX}
    freed = weights["request"] + weights["accept"] - 2 * writes
    weights.update(request=writes, accept=writes)
    weights["2nd-degree"] += freed
    return tuple(weights.items())


def mixed_load(
    client: Client,
    pool: list[str],
    everyone: list[str],
    clients: int,
    duration: float,
    seed: int,
    mix: tuple[tuple[str, int], ...] = MIX,
    metrics: Metrics | None = None,
) -> dict:
    """``clients`` threads acting the mix until ``duration`` seconds have passed. With the
    server's ``metrics`` (a views server): how soon the load's changes reached their
    neighbours' views (the lag histogram over the load, once the queue has drained: a change
    counts from its response to its delta's commit) and how long the queue took to drain after
    the load; the undo's changes are drained too, so that the next load starts with none."""
    kinds = [kind for kind, weight in mix for _ in range(weight)]
    pending: list[tuple[str, str]] = []  # (sender, recipient)
    connected: list[tuple[str, str]] = []
    lock = threading.Lock()
    samples, failed = defaultdict(list), defaultdict(list)
    statuses, failures = defaultdict(int), []
    lag_before = metrics.lag_buckets() if metrics else {}
    queries_before = metrics.query_seconds() if metrics else {}
    outcomes_before = metrics.read_outcomes() if metrics else {}
    troubles_before = metrics.delta_troubles() if metrics else {}
    deadline = time.monotonic() + duration

    def act(worker: int) -> None:
        rng = random.Random(seed * 1000 + worker)
        while time.monotonic() < deadline:
            kind, me, other = rng.choice(kinds), rng.choice(pool), rng.choice(everyone)
            request = None
            if kind == "accept":
                with lock:
                    request = pending.pop(rng.randrange(len(pending))) if pending else None
                kind = "accept" if request else "request"
            if kind == "request":
                other = rng.choice([p for p in pool if p != me])
            method, path, body = action(kind, other, request)
            if request:
                me = request[1]  # the recipient accepts
            began = time.perf_counter()
            try:
                response = client.call(method, me, path, json=body)
            except requests.RequestException as error:  # no answer: counted, not a crash
                with lock:
                    statuses["no answer"] += 1
                    failures.append(f"{method} {path} no answer: {type(error).__name__}")
                continue
            ms = (time.perf_counter() - began) * 1000
            # A 5xx (the request deadline's 503 above all) is a fast failure, not an answer.
            (samples if response.status_code < 500 else failed)[kind].append(ms)
            statuses[response.status_code] += 1
            if response.status_code >= 500 or response.status_code in (400, 422):
                with lock:
                    failures.append(f"{method} {path} {response.status_code} {response.text[:200]}")
            if kind == "request" and response.status_code == 201:
                with lock:
                    pending.append((me, other))
            if kind == "accept" and response.status_code == 201:
                with lock:
                    connected.append(request)

    began = time.monotonic()
    with ThreadPoolExecutor(clients) as threads:
        list(threads.map(act, range(clients)))
    seconds = time.monotonic() - began
    lag, queries, outcomes = None, {}, {}
    if metrics:
        outcomes = {
            name: count - outcomes_before.get(name, 0)
            for name, count in metrics.read_outcomes().items()
            if count - outcomes_before.get(name, 0)
        }
        drain_s = metrics.drain()
        lag = {**lag_between(lag_before, metrics.lag_buckets()), "drain_s": drain_s}
        lag |= {k: n - troubles_before[k] for k, n in metrics.delta_troubles().items()}
        queries = {
            name: (
                spent - queries_before.get(name, (0, 0))[0],
                calls - queries_before.get(name, (0, 0))[1],
            )
            for name, (spent, calls) in metrics.query_seconds().items()
        }
    undo(client, pending, connected)
    if metrics:
        metrics.drain()
    answered = sum(len(s) for s in samples.values())
    # The reads' latency counts every read, 5xx too: a client waited that long either way.
    reads = [ms for kind in READS for ms in samples[kind] + failed[kind]]
    return {
        "samples": samples,
        "statuses": dict(statuses),
        "failures": failures[:5],
        "seconds": seconds,
        "rps": answered / seconds,
        "errors": sum(len(f) for f in failed.values()) + statuses.get("no answer", 0),
        "read_p50": percentile(reads, 50),
        "read_p99": percentile(reads, 99),
        "total": answered,
        "lag": lag,
        "queries": queries,
        "outcomes": outcomes,
    }


# -- the command -------------------------------------------------------------------------------


@click.command()
@click.option("--people", default=100_000, show_default=True, help="People to generate.")
@click.option("--avg-degree", default=40.0, show_default=True)
@click.option("--seed", default=7, show_default=True)
@click.option("--reset", is_flag=True, help="Empty a database that holds other people first.")
@click.option("--hub-degree", default=1700, show_default=True)
@click.option("--big-degree", default=10_000, show_default=True)
@click.option(
    "--rounds",
    default=30,
    show_default=True,
    help="Measured rounds per hot path (a multiple of 5).",
)
@click.option("--write-pairs", default=100, show_default=True)
@click.option(
    "--own-rounds", default=10, show_default=True, help="Own changes timed per hub and server."
)
@click.option(
    "--own-share",
    default=0.0,
    show_default=True,
    help="Also a mixed load where this share of the calls are own changes (0.01: 1%).",
)
@click.option(
    "--own-askers",
    type=click.Choice(["newcomers", "members"]),
    default="newcomers",
    show_default=True,
    help="Who asks in the own changes: newly signed-up people, or --pool people with "
    "connections (the connection is removed again after the reads, timed).",
)
@click.option("--pool", default=300, show_default=True, help="People acting the mixed load.")
@click.option("--clients", default=16, show_default=True)
@click.option(
    "--duration", default=60.0, show_default=True, help="Seconds of mixed load per server."
)
@click.option(
    "--phase",
    "phases",
    type=click.Choice(["cold", "hot", "writes", "own", "load"]),
    multiple=True,
    help="Only these phases (repeatable; default: all).",
)
@click.option("--workers", default=2, show_default=True, help="gunicorn workers.")
@click.option("--threads", default=4, show_default=True, help="gunicorn threads per worker.")
@click.option(
    "--baseline",
    default=BASELINE,
    show_default=True,
    help="git ref of the code the write path is compared with.",
)
def main(
    people,
    avg_degree,
    seed,
    reset,
    hub_degree,
    big_degree,
    rounds,
    write_pairs,
    own_rounds,
    own_askers,
    own_share,
    pool,
    clients,
    duration,
    phases,
    workers,
    threads,
    baseline,
):
    """Views beside live queries: hot paths, writes, mixed load, bytes."""
    ready_neo4j()
    started, load_before = time.monotonic(), os.getloadavg()[0]
    app = create_app()
    state = app.extensions["mutuals"]
    db, settings = with_bench_queries(state.db), state.settings
    described = ensure_graph(db, "generated", people, avg_degree, seed, reset)
    click.echo(f"graph: {described}")

    picked = db.read("network.bench_people", 2, hub_degree=hub_degree, sample=201)[0]
    big = db.read("network.bench_people", 2, hub_degree=big_degree, sample=1)[0]
    # A handful of connections, some of them hubs: a hub's worth of 2-hop work (issue 19).
    light = db.read(
        "network.bench_light_person",
        1,
        max_degree=6,
        hub_degree=1000,
        min_work=2000,
        max_work=5000,
    )
    subjects = {
        f"hub ({picked['hub_degree']:,} conn.)": picked["hub_id"],
        f"big hub ({big['hub_degree']:,} conn.)": big["hub_id"],
        f"median person ({picked['median_degree']} conn.)": picked["median_id"],
    } | {
        f"light next to hubs ({row['degree']} conn., {row['hubs']} hubs, 2-hop work "
        f"{row['work']:,})": row["id"]
        for row in light
    }
    connected = db.read("network.bench_connected_people", 1, min_degree=2)
    everyone = [row["id"] for row in connected]
    actors = random.Random(seed).sample(everyone, min(pool, len(everyone)))
    tokens = {}
    for person in [*subjects.values(), *actors]:
        tokens[person], token_hash = new_token()
        db.write(
            "auth.create_token",
            1,
            person_id=person,
            token_hash=token_hash,
            now=datetime.now(UTC),
        )

    phases = set(phases or ("cold", "hot", "writes", "own", "load"))
    # 2. cold recompute
    cold = {}
    for label, person in subjects.items() if phases & {"cold", "hot"} else ():
        for part in PART.values():
            cold[label, part], outcome = timed(
                partial(state.refresher.refresh, person, part, force=True)
            )
            assert outcome == "refreshed", outcome
    heavy = [
        p
        for p in actors
        if db.read("views.work", 1, person_id=p)[0]["work"] >= settings.view_threshold
    ]
    heavy_total = len(db.read("views.heavy_people", 1, threshold=settings.view_threshold))

    # The servers' admin token: /metrics answers it only (the bench's own settings hold the
    # local development one, which servers given NEO4J_URI do not read).
    admin = {"MUTUALS_ADMIN_TOKEN": secrets.token_urlsafe(24)}
    # Live hub answers take seconds on a busy machine: past the request deadline's default
    # (5 s in all) they would be 503s, not timings. The same for every server.
    slow = {"MUTUALS_DB_TIMEOUT_S": "120", **admin}
    hubs = {label: p for label, p in subjects.items() if label.startswith(("hub", "big hub"))}
    paths, writes, own, loads, pool_seconds, lag = [], {}, {}, {}, 0.0, None
    if phases & {"hot", "writes", "own"}:
        with (
            gunicorn(settings, workers, threads, **slow) as with_views,
            gunicorn(settings, workers, threads, MUTUALS_VIEW_MAX_AGE="0", **slow) as live_only,
        ):
            servers = {"views": Client(with_views, tokens), "live": Client(live_only, tokens)}
            if "hot" in phases:
                paths = hot_paths(subjects, rounds, servers)
            if phases & {"writes", "own"}:
                with (
                    baseline_checkout(baseline) as old_code,
                    gunicorn(settings, workers, threads, root=old_code, **slow) as before_views,
                ):
                    servers_now = {"views": with_views, "before views": before_views}
                    if "writes" in phases:
                        writes = write_path(servers_now, write_pairs)
                    if "own" in phases:
                        members = actors if own_askers == "members" else None
                        own = own_changes(servers_now, hubs, tokens, own_rounds, members)
            metrics = Metrics(with_views, admin["MUTUALS_ADMIN_TOKEN"])
            metrics.drain()
            lag = lag_between({}, metrics.lag_buckets())
    if "load" in phases:
        # The mixed load on servers as production runs them (gunicorn.conf.py, the default
        # request deadline): a request past it is a 503, counted.
        with (
            gunicorn(settings, workers, threads, **admin) as with_views,
            gunicorn(settings, workers, threads, MUTUALS_VIEW_MAX_AGE="0", **admin) as live_only,
        ):
            servers = {"views": Client(with_views, tokens), "live": Client(live_only, tokens)}
            metrics = Metrics(with_views, admin["MUTUALS_ADMIN_TOKEN"])
            load = partial(
                mixed_load,
                pool=actors,
                everyone=everyone,
                clients=clients,
                duration=duration,
                seed=seed,
            )
            loads["live"] = load(servers["live"])
            pool_seconds = pool_views(state.refresher, heavy)
            loads["views"] = load(servers["views"], metrics=metrics)
            if own_share:
                mix = own_change_mix(own_share)
                loads["live, own changes"] = load(servers["live"], mix=mix)
                loads["views, own changes"] = load(servers["views"], mix=mix, metrics=metrics)
    invariants = db.read("network.bench_invariants", 1)[0]
    status = db.read("views.status", 1, now=state.clock(), due_before=state.clock())
    state.refresher.close()

    text = report(
        dict(
            load_before=load_before,
            db=db,
            described=described,
            settings=settings,
            workers=workers,
            threads=threads,
            paths=paths,
            cold=cold,
            write_pairs=write_pairs,
            writes=writes,
            own=own,
            lag=lag,
            loads=loads,
            clients=clients,
            duration=duration,
            actors=actors,
            everyone=everyone,
            heavy=heavy,
            pool_seconds=pool_seconds,
            invariants=invariants,
            status=status,
            heavy_total=heavy_total,
        )
    )
    write_results(text)
    click.echo(text)
    click.echo(
        f"done in {time.monotonic() - started:.0f}s ({', '.join(sorted(phases))}): "
        + (
            f"mixed load {loads['views']['rps']:.0f} vs {loads['live']['rps']:.0f} answered/s "
            f"({loads['views']['rps'] / loads['live']['rps']:.2f}x), neighbours' lag p99 "
            f"<= {loads['views']['lag']['p99_le']} s; "
            if loads
            else ""
        )
        + f"invariants {invariants}; written to {RESULTS.relative_to(ROOT)}"
    )


def report(run: dict) -> str:
    """The results file: the run's settings, then a table per measurement."""
    p50 = lambda xs: f"{percentile(xs, 50):.1f}"  # noqa: E731
    p99 = lambda xs: f"{percentile(xs, 99):.1f}"  # noqa: E731
    lines = [
        "# Network views benchmark",
        "",
        f"- command: `python -m bench views {shlex.join(sys.argv[1:])}`",
        f"- machine: {machine()}; shared with other work while it ran (1-minute load average "
        f"{run['load_before']:.1f} before, {os.getloadavg()[0]:.1f} after)",
        f"- database: {neo4j_setup(run['db'])}",
        f"- graph: {run['described']}",
        f"- settings: threshold {run['settings'].view_threshold:,} (2-hop work), "
        f"{run['settings'].view_size} entries per view, max age {run['settings'].view_max_age_s} s; "
        f"gunicorn {run['workers']} workers x {run['threads']} threads per server; times in ms",
        "",
        f"## Hot paths through the API (one client; the two servers take turns, {BLOCK} calls each)",
        "",
        "| person | path | views p50 | views p99 | live p50 | live p99 | live / views | cold recompute of its view part | answers agree |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for row in run["paths"]:
        views, live = row["samples"]["views"], row["samples"]["live"]
        lines.append(
            f"| {row['person']} | {row['path']} | {p50(views)} | {p99(views)} | {p50(live)} | "
            f"{p99(live)} | {percentile(live, 50) / percentile(views, 50):.1f}x | "
            f"{run['cold'][row['person'], PART[row['path']]]:,.0f} | "
            f"{'yes' if row['agree'] else 'NO'} |"
        )
    lines += [
        "",
        f"## Writes ({run['write_pairs']} pairs each, taking turns)",
        "",
        "| server | request p50 | request p99 | accept p50 | accept p99 |",
        "|---|---|---|---|---|",
    ]
    for name, samples in run["writes"].items():
        lines.append(
            f"| {name} | {p50(samples['request'])} | {p99(samples['request'])} | "
            f"{p50(samples['accept'])} | {p99(samples['accept'])} |"
        )
    if run["writes"]:
        ratio = percentile(run["writes"]["views"]["accept"], 50) / percentile(
            run["writes"]["before views"]["accept"], 50
        )
        lines += ["", f"accept p50 with views / before views: **{ratio:.2f}x**", ""]
    removed = any("remove" in t for by_person in run["own"].values() for t in by_person.values())
    kinds = ("accept", *OWN_READS, *(("remove",) if removed else ()))
    asker = "a member's (removed again after the reads)" if removed else "a newcomer's"
    lines += [
        f"## Own changes: the person accepts {asker} request, then reads at once "
        "(p50 / p99 ms, share of answers from a view)",
        "",
        "| server | person | " + " | ".join(kinds) + " |",
        "|---|---|" + "---|" * len(kinds),
    ]
    for name, by_person in run["own"].items():
        for label, timings in by_person.items():
            cells = []
            for kind in kinds:
                ms = [t for t, _ in timings[kind]]
                viewed = sum(v for _, v in timings[kind])
                share = "" if kind not in OWN_READS else f" ({viewed} of {len(ms)} from a view)"
                cells.append(f"{p50(ms)} / {p99(ms)}{share}")
            lines.append(f"| {name} | {label} | " + " | ".join(cells) + " |")
    lag = run["lag"]
    lines += (
        [
            "",
            f"Neighbours' deltas on the views server of these phases: {lag['count']:,} changes; "
            f"50% applied within {lag['p50_le']} s, 99% within {lag['p99_le']} s of the "
            "response (upper bounds of /metrics' mutuals_view_delta_lag_seconds buckets).",
            "",
        ]
        if lag
        else [""]
    )
    loads = run["loads"]
    lines += (
        []
        if not loads
        else [
            f"## Mixed load: {run['clients']} clients, {run['duration']:.0f} s per server, "
            f"{len(run['actors'])} people drawn at random from the {len(run['everyone']):,} with "
            f"2+ connections ({len(run['heavy'])} of them heavy: views computed first in "
            f"{run['pool_seconds']:.0f} s)",
            "",
            "Answered: requests with a 2xx or an expected 4xx (a request already sent, a person "
            "already connected), per second; 5xx (the 5 s request deadline's 503s) and requests "
            "with no answer apart. Read p50/p99 over every read, 5xx included; per kind over "
            "the answered ones.",
            "",
            "| server | answered/s | 5xx or no answer | read p50 | read p99 | "
            + " | ".join(f"{k} p50 / p99" for k, _ in MIX)
            + " | statuses |",
            "|---|---|---|---|---|" + "---|" * len(MIX) + "---|",
        ]
    )
    for name in loads:
        load = loads[name]
        cells = " | ".join(
            f"{p50(load['samples'][k])} / {p99(load['samples'][k])}" if load["samples"][k] else "-"
            for k, _ in MIX
        )
        statuses = sorted(load["statuses"].items(), key=lambda item: str(item[0]))
        lines.append(
            f"| {name} | {load['rps']:.1f} | {load['errors']:,} | {load['read_p50']:.0f} | "
            f"{load['read_p99']:.0f} | {cells} | "
            f"{', '.join(f'{s}: {n}' for s, n in statuses)} |"
        )
    for name in loads:
        lines += [f"- {name}: {failure}" for failure in loads[name]["failures"]]
    for name, load in loads.items():
        if load["lag"]:
            lag = load["lag"]
            lines.append(
                f"- {name}: neighbours' deltas of the load's {lag['count']:,} changes: 50% "
                f"applied within {lag['p50_le']} s, 99% within {lag['p99_le']} s of the response "
                "(/metrics' mutuals_view_delta_lag_seconds over the load, read once the queue "
                f"had drained, {lag['drain_s']:.1f} s after the load); {lag['failed']:,.0f} "
                f"failed attempts (tried again), {lag['dropped']:,.0f} changes dropped "
                "(mutuals_view_delta_failures_total, mutuals_view_deltas_dropped_total)"
            )
            lines.append(
                f"- {name}: discovery reads by how they were answered: "
                + ", ".join(f"{k} {n:,.0f}" for k, n in sorted(load["outcomes"].items()))
            )
            busiest = sorted(load["queries"].items(), key=lambda item: -item[1][0])[:12]
            lines.append(
                f"- {name}: the named queries' time over the load (seconds in all / calls / "
                "mean ms, summed over workers, the busiest first): "
                + "; ".join(
                    f"{query} {seconds:.1f} s / {calls:,.0f} / {seconds / max(calls, 1) * 1000:.0f}"
                    for query, (seconds, calls) in busiest
                )
            )
    lines += [
        "",
        (
            f"views / live answered requests/s: **{loads['views']['rps'] / loads['live']['rps']:.2f}x**"
            if loads
            else "mixed load not run"
        )
        + (
            f"; with own changes {own_share_ratio(loads):.2f}x"
            if "views, own changes" in loads
            else ""
        )
        + f"; invariants after: {run['invariants']}",
        "",
    ]
    parts = {row["part"]: row for row in run["status"]}
    per_person = sum(row["bytes"] / max(row["views"], 1) for row in parts.values())
    lines += [
        "## Bytes",
        "",
        "| part | views | payload bytes in all | per view | largest | slowest compute ms |",
        "|---|---|---|---|---|---|",
    ]
    for part, row in parts.items():
        lines.append(
            f"| {part} | {row['views']:,} | {row['bytes']:,} | {row['bytes'] // max(row['views'], 1):,} | "
            f"{row['max_bytes']:,} | {row['max_compute_ms']:,} |"
        )
    lines += [
        "",
        f"Per person with all three parts: {per_person:,.0f} bytes of payload (property values; "
        "Neo4j's records add their own, not measured here). "
        f"{run['heavy_total']:,} of the {len(run['everyone']):,} people reach the threshold: with all of "
        f"them precomputed the payload would be about {run['heavy_total'] * per_person / 1e6:,.0f} MB "
        "(views are computed when first read, so only the people who use the product pay).",
    ]
    return "\n".join(lines)


def own_share_ratio(loads: dict) -> float:
    return loads["views, own changes"]["rps"] / loads["live, own changes"]["rps"]


def write_results(text: str) -> None:
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(text + "\n")


if __name__ == "__main__":
    main()
