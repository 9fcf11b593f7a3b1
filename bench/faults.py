"""Fault suite: the API under gunicorn while Neo4j and gunicorn fail.

    make faults                                        # what this runs:
    .venv/bin/python -m bench faults --clients 8 --seconds 20

It starts a Neo4j of its own (``MUTUALS_LOCAL_NEO4J_DIR``, default ``.neo4j-faults``, on
``MUTUALS_LOCAL_BOLT_PORT``/``MUTUALS_LOCAL_HTTP_PORT``: never the dev or test server, since
it kills it), a TCP proxy in front of it (to cut the network without stopping the server)
and gunicorn on ``--port``, then runs, in order:

1. ``kill-neo4j``: clients write through the API (sign-ups, requests, accepts, introduction
   requests, forwards and acceptances), Neo4j is SIGKILLed and restarted; every write the API
   acknowledged (2xx) must be in the graph, the graph invariants hold, no answer is a 5xx
   other than 503; reports the time until writes are acknowledged again.
2. ``neo4j-stopped``: Neo4j stopped, 50 concurrent requests: all 503 with Retry-After, each
   within the bound (``MUTUALS_DB_TIMEOUT_S``, plus ``harness.faults.ANSWER_SLACK_S`` for the
   HTTP exchange on a loaded machine).
3. ``hang``: the proxy stops forwarding on the open connections without closing them, and
   holds new ones unanswered (a Neo4j, or a network path, that hangs): 50 concurrent
   requests all 503 with Retry-After, each within the bound (plus the same slack), through the
   server-side transaction timeout and the app's watchdog (backend/db_deadline.py); nothing
   else would end the wait. The requests queued behind the 8 server threads answer at once:
   the outage is dated from when the first reads began waiting (backend/outage.py).
4. ``blip``: the network to Neo4j cut for half the bound under load: every request answered
   2xx (absorbed by the retries).
5. ``kill-worker``: a gunicorn worker SIGKILLed under load: the master replaces it; only
   requests in flight on that worker fail.
6. ``drain``: SIGTERM to gunicorn while a sign-up waits for Neo4j: it is answered (201)
   before gunicorn exits.
7. ``wrong-password``: the API and every CLI command that talks to Neo4j, with a wrong
   password: one line saying "authentication failed".

Prints a table and writes bench/results/faults.md. Scenarios 2 to 6 live in harness/faults.py:
tests/test_faults.py runs them on the test Neo4j (through the proxy), without the timings.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import click
import requests
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend import migrations  # noqa: E402
from backend.config import Settings  # noqa: E402
from backend.db import Database  # noqa: E402
from backend.local_neo4j import LocalNeo4j  # noqa: E402
from bench.intros import machine  # noqa: E402
from harness.faults import (  # noqa: E402
    ANSWER_SLACK_S,
    DB_COMMANDS,
    Ledger,
    blip,
    concurrent_while_down,
    drain,
    kill_worker,
    missing_writes,
    sign_up_token,
)
from harness.gunicorn import Gunicorn  # noqa: E402
from harness.http import auth  # noqa: E402
from harness.queries import bench_registry  # noqa: E402
from harness.tcp_proxy import CuttableProxy  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "faults.md"
MUTUALS = str(ROOT / ".venv" / "bin" / "mutuals")


# -- 1. writes while Neo4j is killed ------------------------------------------------------


class GaveUp(Exception):
    """The run ended while a client was still retrying."""


class Writer:
    """One client: the story sign up x3, request, accept, request, accept, introduce,
    forward, accept, over and over; each step retried on 503 or a lost connection."""

    def __init__(self, base: str, ledger: Ledger, stop: threading.Event, number: int):
        self.base, self.ledger, self.stop, self.number = base, ledger, stop, number
        self.stories = 0

    def call(self, method: str, path: str, token: str | None = None, body: dict | None = None):
        """The answer's JSON on 2xx; None on 409 (a retry of a write that had landed)."""
        while not self.stop.is_set():
            try:
                response = requests.request(
                    method,
                    self.base + path,
                    json=body,
                    headers=auth(token) if token else {},
                    timeout=60,
                )
            except requests.RequestException:
                self.ledger.statuses["connection error"] += 1
                time.sleep(0.2)
                continue
            with self.ledger.lock:
                self.ledger.statuses[response.status_code] += 1
            if response.ok:
                return response.json()
            if response.status_code == 409:
                return None
            if response.status_code == 503:
                time.sleep(min(float(response.headers.get("Retry-After", 1)), 1.0))
                continue
            raise RuntimeError(f"{method} {path}: {response.status_code} {response.text[:300]}")
        raise GaveUp

    def ack(self, update, *args) -> None:
        """Record an acknowledged write: ``update(*args)`` on a ledger collection."""
        with self.ledger.lock:
            update(*args)
            self.ledger.last_ack = time.monotonic()

    def sign_up(self, role: str) -> tuple[str, str]:
        name = f"Fault {role} {self.number}-{self.stories}"
        while True:
            signed = self.call("POST", "/v1/people", body={"name": name, "skills": ["Faults"]})
            if signed is not None:
                self.ack(self.ledger.people.add, signed["person"]["id"])
                return signed["person"]["id"], signed["token"]

    def connect(self, a: tuple[str, str], b: tuple[str, str]) -> None:
        if self.call("POST", "/v1/me/requests", a[1], {"to": b[0]}) is not None:
            self.ack(self.ledger.requests.add, (a[0], b[0]))
        if self.call("POST", f"/v1/me/requests/incoming/{a[0]}/accept", b[1]) is not None:
            self.ack(self.ledger.connections.add, (a[0], b[0]))

    def story(self) -> None:
        requester, broker, target = (self.sign_up(r) for r in ("requester", "broker", "target"))
        self.connect(requester, broker)
        self.connect(target, broker)
        body = {"target": target[0], "broker": broker[0], "message": "Please introduce us."}
        intro = self.call("POST", "/v1/intros", requester[1], body)
        if intro is None:  # a retry of a request that landed: its id is unknown here
            return
        self.ack(self.ledger.intros.__setitem__, intro["id"], "requested")
        path = f"/v1/intros/{intro['id']}"
        if self.call("POST", path + "/forward", broker[1], {"note": "Meet each other."}):
            self.ack(self.ledger.intros.__setitem__, intro["id"], "introduced")
        if self.call("POST", path + "/accept", target[1]):
            self.ack(self.ledger.intros.__setitem__, intro["id"], "accepted")
            self.ack(self.ledger.connections.add, (requester[0], target[0]))

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                self.story()
                self.stories += 1
        except GaveUp:
            pass


def kill_neo4j_under_writes(
    base: str, neo4j: LocalNeo4j, db: Database, clients: int, seconds: float, down_s: float
) -> dict:
    ledger, stop = Ledger(), threading.Event()
    writers = [Writer(base, ledger, stop, n) for n in range(clients)]
    threads = [threading.Thread(target=w.run) for w in writers]
    for thread in threads:
        thread.start()
    with tqdm(total=3, desc="kill-neo4j", unit="phase") as bar:
        time.sleep(seconds / 2)
        bar.update()
        acknowledged_before = ledger.acknowledged()
        killed_at = time.monotonic()
        os.killpg(neo4j.pid(), signal.SIGKILL)
        time.sleep(down_s)
        neo4j.start(echo=lambda _: None)
        back_at = time.monotonic()
        bar.update()
        while ledger.last_ack < back_at and time.monotonic() < back_at + 120:
            time.sleep(0.05)
        recovered_at = ledger.last_ack
        time.sleep(seconds / 2)
        stop.set()
        for thread in threads:
            thread.join()
        bar.update()
    missing = missing_writes(db, ledger)
    invariants = db.read("network.bench_invariants", 1)[0]
    bad_statuses = {s: n for s, n in ledger.statuses.items() if isinstance(s, int) and s >= 500}
    bad_statuses.pop(503, None)
    return {
        "clients": clients,
        "stories": sum(w.stories for w in writers),
        "acknowledged": ledger.acknowledged(),
        "acknowledged_before_kill": acknowledged_before,
        "missing": missing,
        "invariants": invariants,
        "statuses": dict(ledger.statuses),
        "neo4j_restart_s": back_at - killed_at - down_s,
        "recovered_after_neo4j_back_s": recovered_at - back_at,
        "outage_seen_by_writers_s": recovered_at - killed_at,
        "ok": not missing and not any(invariants.values()) and not bad_statuses,
    }


# -- 6. wrong password ----------------------------------------------------------------------


def wrong_password(port: int, settings: Settings, tmp: Path) -> dict:
    env = dict(os.environ, NEO4J_URI=settings.neo4j_uri, NEO4J_USERNAME="neo4j")
    env.update(NEO4J_PASSWORD="not-the-password", NEO4J_USER="")
    env.pop("MUTUALS_ADMIN_TOKEN", None)
    lines: dict[str, str] = {}
    with Gunicorn(
        port, **{k: env[k] for k in ("NEO4J_URI", "NEO4J_USERNAME", "NEO4J_PASSWORD")}
    ) as server:
        for method, path, body in (("GET", "/readyz", None), ("POST", "/v1/people", {"name": "X"})):
            response = requests.request(method, server.base + path, json=body, timeout=30)
            lines[f"{method} {path}"] = f"{response.status_code} {response.json().get('detail')}"
    (tmp / "people.csv").write_text("id,name\np1,Ana\n")
    for args in DB_COMMANDS:
        args = [a.format(tmp=tmp) for a in args]
        result = subprocess.run(
            [MUTUALS, *args], env=env, capture_output=True, text=True, timeout=300
        )
        out = (result.stdout + result.stderr).strip().splitlines()
        lines["mutuals " + " ".join(args)] = f"exit {result.returncode}: " + " | ".join(out)
    ok = all(
        "authentication failed" in line and " | " not in line and "Traceback" not in line
        for line in lines.values()
    )
    return {"answers": lines, "ok": ok}


# -- the run ----------------------------------------------------------------------------------


@click.command()
@click.option("--clients", default=8, show_default=True, help="Writers while Neo4j is killed.")
@click.option("--seconds", default=20.0, show_default=True, help="Write load around the kill.")
@click.option("--down", "down_s", default=3.0, show_default=True, help="Seconds Neo4j stays dead.")
@click.option("--bound", default=5.0, show_default=True, help="MUTUALS_DB_TIMEOUT_S for the API.")
@click.option("--port", default=8120, show_default=True, help="gunicorn's port.")
@click.option("--workers", default=2, show_default=True)
@click.option("--threads", default=4, show_default=True)
def main(clients, seconds, down_s, bound, port, workers, threads):
    os.environ.setdefault("MUTUALS_LOCAL_NEO4J_DIR", str(ROOT / ".neo4j-faults"))
    settings = Settings.from_env()
    neo4j = LocalNeo4j(settings.local)
    click.echo(f"Neo4j for the faults: {neo4j.start(echo=click.echo)} at {settings.local.uri}")
    settings = Settings.from_env()  # the password exists now
    db = Database(settings, bench_registry())
    with db.session() as session:
        migrations.migrate(session)
    proxy = CuttableProxy(("127.0.0.1", settings.local.bolt_port))
    env = {
        "NEO4J_URI": proxy.uri,
        "NEO4J_USERNAME": "neo4j",
        "NEO4J_PASSWORD": settings.neo4j_password or "",
        "MUTUALS_DB_TIMEOUT_S": str(bound),
        # Every writer signs up from 127.0.0.1, many times a minute.
        "MUTUALS_SIGNUP_LIMIT": "1000000/hour",
    }
    load_before = os.getloadavg()[0]
    results: dict[str, dict] = {}
    try:
        with Gunicorn(port, workers, threads, **env) as server:
            results["kill-neo4j"] = kill_neo4j_under_writes(
                server.base, neo4j, db, clients, seconds, down_s
            )
            token = sign_up_token(server.base)
            results["neo4j-stopped"] = concurrent_while_down(
                server.base,
                token,
                cut=lambda: neo4j.stop(echo=lambda _: None),
                restore=lambda: neo4j.start(echo=lambda _: None),
                bound_s=bound,
            )
            results["hang"] = concurrent_while_down(
                server.base, token, cut=proxy.stall, restore=proxy.restore, bound_s=bound
            )
            results["blip"] = blip(server.base, token, proxy, blip_s=bound / 2)
            results["kill-worker"] = kill_worker(server, token)
            results["drain"] = drain(server, proxy, db)
        with tempfile.TemporaryDirectory() as tmp:
            results["wrong-password"] = wrong_password(port + 1, settings, Path(tmp))
    finally:
        proxy.close()
        db.close()
    load_after = os.getloadavg()[0]
    command = "python -m bench faults " + shlex.join(sys.argv[1:])
    report = render(results, command, bound, workers, threads, load_before, load_after)
    RESULTS.write_text(report)
    click.echo(report)
    click.echo(
        f"faults: {sum(r['ok'] for r in results.values())}/{len(results)} scenarios passed; "
        f"written to {RESULTS.relative_to(ROOT)}"
    )
    sys.exit(0 if all(r["ok"] for r in results.values()) else 1)


def render(results, command, bound, workers, threads, load_before, load_after) -> str:
    kill, down, hang = results["kill-neo4j"], results["neo4j-stopped"], results["hang"]
    rows = [
        (
            "kill-neo4j",
            kill["ok"],
            f"{kill['clients']} writers, {kill['stories']} stories, {kill['acknowledged']} "
            f"acknowledged writes ({kill['acknowledged_before_kill']} before the kill), "
            f"missing: {kill['missing'] or 'none'}; invariants {kill['invariants']}; "
            f"Neo4j restart {kill['neo4j_restart_s']:.1f} s, first acknowledged write "
            f"{kill['recovered_after_neo4j_back_s']:.2f} s after Neo4j was back "
            f"({kill['outage_seen_by_writers_s']:.1f} s after the kill); statuses "
            f"{kill['statuses']}",
        ),
        (
            "neo4j-stopped",
            down["ok"],
            f"{down['requests']} concurrent: {down['statuses']}, {down['with_retry_after']} with "
            f"Retry-After; p50 {down['p50_s']:.2f} s, max {down['max_s']:.2f} s, "
            f"{down['within_bound']} within the bound ({bound} s + {ANSWER_SLACK_S} s); "
            f"/readyz {down['readyz']} in {down['readyz_s']:.2f} s, /healthz {down['healthz']}; "
            f"served again {down['recovered_s']:.2f} s after Neo4j was back",
        ),
        (
            "hang",
            hang["ok"],
            f"proxy stops forwarding, connections left open; {hang['requests']} concurrent: "
            f"{hang['statuses']}, {hang['with_retry_after']} with Retry-After; p50 "
            f"{hang['p50_s']:.2f} s, max {hang['max_s']:.2f} s, {hang['within_bound']} within the "
            f"bound ({bound} s + {ANSWER_SLACK_S} s); /readyz "
            f"{hang['readyz']} in {hang['readyz_s']:.2f} s, /healthz {hang['healthz']}; served "
            f"again {hang['recovered_s']:.2f} s after the proxy forwarded again",
        ),
        (
            "blip",
            results["blip"]["ok"],
            f"network cut {results['blip']['blip_s']} s under 8 clients: "
            f"{results['blip']['statuses']}",
        ),
        (
            "kill-worker",
            results["kill-worker"]["ok"],
            f"1 of {results['kill-worker']['workers']} workers SIGKILLed under 8 clients: "
            f"{results['kill-worker']['statuses']}; replaced: {results['kill-worker']['replaced']} "
            f"in {results['kill-worker']['replaced_s']:.1f} s; failures after that: "
            f"{results['kill-worker']['late_failures']}",
        ),
        (
            "drain",
            results["drain"]["ok"],
            f"sign-up in flight at SIGTERM: {results['drain']['status']} "
            f"{results['drain']['detail'] or ''} "
            f"{results['drain']['answered_after_restore_s']:.1f} s after the network came back,"
            f" stored: "
            f"{results['drain']['stored']}; gunicorn exited {results['drain']['gunicorn_exit_code']} "
            f"{results['drain']['exited_s']:.1f} s after SIGTERM",
        ),
        (
            "wrong-password",
            results["wrong-password"]["ok"],
            "<br>".join(f"`{k}` → {v}" for k, v in results["wrong-password"]["answers"].items()),
        ),
    ]
    table = "\n".join(
        f"| {name} | {'pass' if ok else 'FAIL'} | {text} |" for name, ok, text in rows
    )
    return (
        "# Fault suite\n\n"
        f"- command: `{command}` (`make faults`)\n"
        f"- when: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC\n"
        f"- machine: {machine()}; 1-minute load average {load_before:.1f} before, "
        f"{load_after:.1f} after (shared with other work)\n"
        f"- server: gunicorn {workers} workers x {threads} threads, "
        f"MUTUALS_DB_TIMEOUT_S={bound}, Neo4j 5.26 behind a TCP proxy (harness/tcp_proxy.py)\n\n"
        "| scenario | result | figures |\n|---|---|---|\n" + table + "\n"
    )


if __name__ == "__main__":
    main()
