"""Benchmark: what notifications cost the events that write them, and how fast one worker
delivers webhooks.

    MUTUALS_LOCAL_NEO4J_DIR=.neo4j-bench .venv/bin/mutuals neo4j start
    MUTUALS_LOCAL_NEO4J_DIR=.neo4j-bench .venv/bin/python -m bench notifications

1. Two apps in this process on one database, one with notifications on and one with them off
   (``MUTUALS_NOTIFICATIONS``), driven through Flask's test client (the whole stack but
   HTTP: validation, services, Neo4j transactions).
2. Accepting a connection request: ``--samples`` pairs per app, each recipient with one
   webhook (so "on" also queues a delivery); the request is sent (not timed), then the
   acceptance is timed. The two apps take turns, so load on the machine hits both alike.
3. Forwarding an introduction: ``--samples`` trios (requester and target both connected to
   the broker, who has a webhook); the requester asks (not timed), the broker's forward is
   timed, with the two apps taking turns again.
4. Deliveries/s: ``--deliveries`` notifications queued to one webhook pointing at a local
   receiver on 127.0.0.1 (answering 200 at once), then one worker (backend/webhooks/worker.py,
   in this process) delivers them all: signed POSTs, each attempt recorded.

Prints a table and writes bench/results/notifications.md.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click
from tqdm import tqdm

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from backend import create_app  # noqa: E402
from backend.tokens import new_token  # noqa: E402
from backend.webhooks.worker import Worker  # noqa: E402
from bench.support.ready import ready_neo4j  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "notifications.md"
RECEIVER_PORT = 8130


def percentile(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


def people(db, ids: list[str]) -> dict[str, str]:
    """People with a bearer token each (one transaction); returns the tokens by id."""
    tokens = {pid: new_token() for pid in ids}
    with db.session() as session:
        session.run(
            "UNWIND $rows AS row "
            "CREATE (p:Person {id: row.id, name: row.id, name_lower: row.id, "
            "connections_visibility: 'connections', created_at: datetime()}) "
            "CREATE (:Token {hash: row.hash, created_at: datetime()})-[:AUTHENTICATES]->(p)",
            rows=[{"id": pid, "hash": hashed} for pid, (_, hashed) in tokens.items()],
        ).consume()
    return {pid: token for pid, (token, _) in tokens.items()}


def connect(db, pairs: list[tuple[str, str]]) -> None:
    with db.session() as session:
        session.run(
            "UNWIND $pairs AS pair MATCH (a:Person {id: pair[0]}), (b:Person {id: pair[1]}) "
            "CREATE (a)-[:CONNECTED_TO {since: datetime(), "
            "pair: CASE WHEN a.id < b.id THEN a.id + '|' + b.id ELSE b.id + '|' + a.id END}]->(b)",
            pairs=[list(pair) for pair in pairs],
        ).consume()


def ok(response, status: int):
    assert response.status_code == status, (response.status_code, response.get_json())
    return response.get_json()


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def hook(client, token: str) -> None:
    ok(
        client.post(
            "/v1/me/webhooks",
            json={"url": f"http://127.0.0.1:{RECEIVER_PORT}/hook"},
            headers=bearer(token),
        ),
        201,
    )


def timed_post(client, path: str, status: int, **kwargs) -> float:
    """Milliseconds for one POST that must answer ``status``."""
    began = time.perf_counter()
    response = client.post(path, **kwargs)
    took = (time.perf_counter() - began) * 1000
    ok(response, status)
    return took


def bench_accept(clients: dict, db, run: str, samples: int) -> dict[str, list[float]]:
    ids = [
        f"{run}-acc-{mode}-{i}-{side}" for mode in clients for i in range(samples) for side in "sr"
    ]
    tokens = people(db, ids)
    times: dict[str, list[float]] = {mode: [] for mode in clients}
    for i in tqdm(range(samples), desc="accept", unit="pair"):
        for mode, client in clients.items():
            sender, recipient = f"{run}-acc-{mode}-{i}-s", f"{run}-acc-{mode}-{i}-r"
            hook(client, tokens[recipient])
            ok(
                client.post(
                    "/v1/me/requests", json={"to": recipient}, headers=bearer(tokens[sender])
                ),
                201,
            )
            path = f"/v1/me/requests/incoming/{sender}/accept"
            times[mode].append(timed_post(client, path, 201, headers=bearer(tokens[recipient])))
    return times


def bench_forward(clients: dict, db, run: str, samples: int) -> dict[str, list[float]]:
    trios = [(mode, i) for mode in clients for i in range(samples)]
    ids = [f"{run}-fwd-{mode}-{i}-{role}" for mode, i in trios for role in ("req", "bro", "tgt")]
    tokens = people(db, ids)
    connect(
        db,
        [
            (f"{run}-fwd-{mode}-{i}-bro", f"{run}-fwd-{mode}-{i}-{side}")
            for mode, i in trios
            for side in ("req", "tgt")
        ],
    )
    times: dict[str, list[float]] = {mode: [] for mode in clients}
    for i in tqdm(range(samples), desc="forward", unit="intro"):
        for mode, client in clients.items():
            requester, broker, target = (f"{run}-fwd-{mode}-{i}-{r}" for r in ("req", "bro", "tgt"))
            hook(client, tokens[broker])
            intro = ok(
                client.post(
                    "/v1/intros",
                    json={"target": target, "broker": broker, "message": "Could you introduce us?"},
                    headers=bearer(tokens[requester]),
                ),
                201,
            )
            path = f"/v1/intros/{intro['id']}/forward"
            times[mode].append(
                timed_post(
                    client,
                    path,
                    200,
                    json={"note": "You two should meet."},
                    headers=bearer(tokens[broker]),
                )
            )
    return times


class Receiver(BaseHTTPRequestHandler):
    delay_s = 0.0  # how long the receiver takes to answer

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        time.sleep(self.delay_s)
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def bench_deliveries(app, db, run: str, count: int, receiver_ms: int) -> tuple[int, float]:
    """Queue ``count`` deliveries to one webhook, then time one worker delivering them."""
    client = app.test_client()
    sender, recipient = f"{run}-dlv{receiver_ms}-s", f"{run}-dlv{receiver_ms}-r"
    tokens = people(db, [sender, recipient])
    # Leave nothing of the timed runs pending: only this webhook's deliveries are due.
    with db.session() as session:
        session.run("MATCH (d:Delivery {state: 'pending'}) SET d.state = 'failed'").consume()
    hook(client, tokens[recipient])
    state = app.extensions["mutuals"]
    with db.session() as session:
        # `count` notifications through the outbox query itself (as the flows write them).
        query = db.query("notifications.create", 1).text
        for _ in tqdm(range(count), desc="queue", unit="notification"):
            nid = uuid.uuid4().hex
            session.run(
                query,
                id=nid,
                key=nid,
                kind="connection.requested",
                recipient_id=recipient,
                actor_id=sender,
                data=json.dumps({"person_id": sender, "note": None}),
                now=state.clock(),
            ).consume()
    Receiver.delay_s = receiver_ms / 1000
    worker = Worker(app)
    began = time.perf_counter()
    with tqdm(total=count, desc=f"deliver (receiver {receiver_ms} ms)", unit="delivery") as bar:
        while done := worker.deliver_once():
            bar.update(done)
    seconds = time.perf_counter() - began
    return worker.counts.delivered, seconds


def table(rows: list[tuple]) -> str:
    lines = [
        "| event | notifications off p50 ms | on p50 ms | added p50 ms | off p90 | on p90 |",
        "|---|---|---|---|---|---|",
    ]
    for name, times in rows:
        off, on = statistics.median(times["off"]), statistics.median(times["on"])
        lines.append(
            f"| {name} | {off:.1f} | {on:.1f} | {on - off:+.1f} ({on / off:.2f}×) | "
            f"{percentile(times['off'], 90):.1f} | {percentile(times['on'], 90):.1f} |"
        )
    return "\n".join(lines)


@click.command()
@click.option("--samples", default=200, show_default=True, help="Timed calls per event and mode.")
@click.option("--deliveries", default=1000, show_default=True, help="Deliveries for the worker.")
def main(samples: int, deliveries: int):
    os.environ.setdefault("FLASK_SKIP_DOTENV", "1")
    ready_neo4j()
    apps = {
        mode: create_app(
            {"SETTINGS": {"notifications": mode == "on", "webhooks_allow_local": True}}
        )
        for mode in ("off", "on")
    }
    clients = {mode: app.test_client() for mode, app in apps.items()}
    db = apps["on"].extensions["mutuals"].db
    run = uuid.uuid4().hex[:8]
    server = ThreadingHTTPServer(("127.0.0.1", RECEIVER_PORT), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    load_before = os.getloadavg()
    try:
        # Warm-up: the first calls of each path compile plans and fill caches.
        bench_accept(clients, db, run + "w", 10)
        bench_forward(clients, db, run + "w", 10)
        accept = bench_accept(clients, db, run, samples)
        forward = bench_forward(clients, db, run, samples)
        rates = {
            receiver_ms: bench_deliveries(apps["on"], db, run, deliveries, receiver_ms)
            for receiver_ms in (0, 50)
        }
    finally:
        server.shutdown()
        for app in apps.values():
            app.extensions["mutuals"].close()
    load_after = os.getloadavg()
    with db.session() as session:
        graph = session.run("MATCH (p:Person) RETURN count(p) AS people").single()["people"]
    report = "\n".join(
        [
            "# Notifications: cost per event, and webhook deliveries/s",
            "",
            f"Command: `python -m bench notifications --samples {samples} --deliveries {deliveries}`",
            f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}; "
            f"load average {load_before[0]:.2f} before, {load_after[0]:.2f} after (1 min); "
            f"the graph held {graph:,} people.",
            f"Date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
            "",
            "Through Flask's test client (no HTTP), one client, the two apps taking turns per sample;"
            " with notifications on, each event also writes its notification and queues one"
            " delivery (the recipient has a webhook).",
            "",
            table([("accept a connection request", accept), ("forward an introduction", forward)]),
            "",
            f"One worker, {deliveries:,} deliveries to one webhook on a receiver on 127.0.0.1,"
            " claimed 20 at a time, each POST signed and its attempt recorded in its own"
            " transaction:",
            "",
            "| the receiver answers 200 after | delivered | seconds | deliveries/s |",
            "|---|---|---|---|",
            *(
                f"| {receiver_ms} ms | {done:,} | {seconds:.1f} | **{done / seconds:.0f}** |"
                for receiver_ms, (done, seconds) in rates.items()
            ),
            "",
        ]
    )
    print(report)
    RESULTS.write_text(report)
    print(f"written to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
