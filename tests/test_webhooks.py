"""Webhooks against a real receiver on 127.0.0.1: registration (secret shown once, SSRF
refusals), signed deliveries verified with the standardwebhooks library, retries with the
same webhook-id, disabling after repeated failure, redelivery, racing workers, and Neo4j
restarted while a worker delivers (nothing lost)."""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import socket
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml
from standardwebhooks.webhooks import Webhook

from backend import create_app
from backend.config import PROJECT_ROOT
from backend.webhooks import sender
from backend.webhooks.addresses import RefusedURL, check
from backend.webhooks.worker import Worker
from tests.support.auth import AuthActions
from tests.support.clock import FakeClock
from tests.support.graph import graph_fingerprint
from tests.support.live import LiveClient
from tests.support.webhook_receiver import Receiver, Trickler, closed_port, listening, start

MUTUALS = str(Path(sys.executable).parent / "mutuals")
SETTINGS = {
    "admin_token": "test-admin-token",
    "webhooks_allow_local": True,
    "webhooks_retry_base_s": 0.0,
    "webhooks_disable_after": 3,
}


@pytest.fixture
def clock() -> FakeClock:
    # Signatures carry the attempt's time, which verifiers compare with theirs.
    return FakeClock(datetime.now(UTC))


@pytest.fixture
def app(database, clock):
    app = create_app({"TESTING": True, "CLOCK": clock, "SETTINGS": SETTINGS})
    yield app
    app.extensions["mutuals"].close()


@pytest.fixture
def receiver():
    receiver = Receiver()
    server = start(receiver)
    yield receiver
    if receiver.hold is not None:
        receiver.hold.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def worker(app) -> Worker:
    return Worker(app)


@pytest.fixture
def people(cypher, client) -> AuthActions:
    people = AuthActions(client)
    for person_id in ("ada", "bob"):
        people.add(cypher, person_id)
    return people


def register(people, person_id: str, url: str, **body):
    return people.post(person_id, "/v1/me/webhooks", {"url": url, **body})


def request(people, sender="ada", to="bob"):
    response = people.post(sender, "/v1/me/requests", {"to": to})
    assert response.status_code == 201, response.json


def drain(worker: Worker) -> None:
    for _ in range(100):
        if not worker.deliver_once():
            return
    raise AssertionError("deliveries still due after 100 rounds")


def deliveries(people, person_id: str, webhook_id) -> list[dict]:
    response = people.get(person_id, f"/v1/me/webhooks/{webhook_id}/deliveries")
    assert response.status_code == 200, response.json
    return response.json["items"]


# -- registering -------------------------------------------------------------------------------


def test_the_secret_is_shown_once(people, receiver):
    created = register(people, "bob", receiver.url, kinds=["connection.requested"])
    assert created.status_code == 201, created.json
    assert created.json["secret"].startswith("whsec_")
    assert created.json["enabled"] is True and created.json["kinds"] == ["connection.requested"]
    webhook_id = created.json["id"]
    listed = people.get("bob", "/v1/me/webhooks").json["items"]
    assert [w["id"] for w in listed] == [webhook_id] and "secret" not in listed[0]
    one = people.get("bob", f"/v1/me/webhooks/{webhook_id}")
    assert "secret" not in one.json
    # Nobody else sees, changes or deletes it.
    for method in ("get", "patch", "delete"):
        other = people.open(
            "ada",
            method.upper(),
            f"/v1/me/webhooks/{webhook_id}",
            json={"enabled": False} if method == "patch" else None,
        )
        assert other.status_code == 404
    changed = people.patch("bob", f"/v1/me/webhooks/{webhook_id}", {"kinds": None})
    assert changed.status_code == 200 and changed.json["kinds"] is None
    gone = people.delete("bob", f"/v1/me/webhooks/{webhook_id}")
    assert gone.status_code == 204
    assert people.get("bob", "/v1/me/webhooks").json["items"] == []


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/hook",  # not https
        "ftp://127.0.0.1/hook",
        "https://10.1.2.3/hook",  # private
        "https://192.168.0.10/hook",
        "https://172.16.5.4/hook",
        "https://169.254.169.254/latest/meta-data",  # cloud metadata (link-local)
        "https://[fd00:ec2::254]/",  # AWS metadata over IPv6 (unique local)
        "https://100.64.0.1/",  # carrier-grade NAT
        "https://0.0.0.0/",
        "https://user:secret@127.0.0.1/",
        "not a url",
    ],
)
def test_unsafe_urls_are_refused_with_a_422(people, cypher, url):
    before = graph_fingerprint(cypher)
    response = register(people, "bob", url)
    assert response.status_code == 422, response.json
    assert "url" in response.json["errors"]
    assert graph_fingerprint(cypher) == before


@pytest.mark.parametrize(
    "address",
    [
        "64:ff9b::a00:1",  # NAT64 of 10.0.0.1
        "2002:a00:1::1",  # 6to4 of 10.0.0.1
        "2001:0:a00:1::1",  # Teredo
        "::ffff:0:a00:1",  # IPv4-translated 10.0.0.1
        "fec0::1",  # site-local
        "224.0.0.1",  # multicast
        "ff0e::1",
    ],
)
def test_addresses_that_may_route_inside_are_not_public(address):
    with pytest.raises(RefusedURL, match=r"^Not a public address\.$"):
        check(f"https://[{address}]/" if ":" in address else f"https://{address}/", False)


def test_global_unicast_addresses_are_public():
    for host in ("8.8.8.8", "[2001:4860:4860::8888]", "[::ffff:8.8.8.8]"):
        assert check(f"https://{host}/hook", False).address in host


def test_a_refused_url_names_no_address_over_http(live_server, cypher):
    """The 422 says only "not a public address": not what a name resolved to."""
    people = AuthActions(LiveClient(live_server))
    people.add(cypher, "bob")
    for url in ("https://localhost/hook", "https://[64:ff9b::a00:1]/", "https://10.1.2.3/"):
        response = register(people, "bob", url)
        assert response.status_code == 422, (url, response.json)
        assert response.json["errors"] == {"url": ["Not a public address."]}, url
        text = response.data.decode()
        assert "127.0.0.1" not in text and "10." not in text


def test_loopback_needs_the_development_setting(database, cypher, receiver):
    app = create_app({"TESTING": True, "SETTINGS": {"webhooks_allow_local": False}})
    try:
        people = AuthActions(app.test_client())
        people.add(cypher, "bob")
        for url in (receiver.url, "https://localhost/hook", "https://127.0.0.1/hook"):
            response = register(people, "bob", url)
            assert response.status_code == 422, url
    finally:
        app.extensions["mutuals"].close()


# -- delivering --------------------------------------------------------------------------------


def test_a_delivery_is_signed_and_verifies(people, receiver, worker):
    secret = register(people, "bob", receiver.url).json["secret"]
    request(people)
    drain(worker)
    [got] = receiver.received
    payload = Webhook(secret).verify(got.body, got.headers)
    assert payload["type"] == "connection.requested"
    assert payload["data"]["actor"]["id"] == "ada"
    assert payload["data"]["data"] == {"person_id": "ada", "note": None}
    assert got.headers["webhook-id"].startswith("msg_")
    assert got.headers["content-type"] == "application/json"
    with pytest.raises(Exception, match="signature"):
        Webhook(secret).verify(got.body.replace(b"ada", b"eve"), got.headers)


def test_only_the_kinds_asked_for_are_delivered(people, receiver, worker, cypher):
    register(people, "ada", receiver.url, kinds=["connection.accepted"])
    request(people, sender="bob", to="ada")  # ada: connection.requested
    people.post("ada", "/v1/me/requests/incoming/bob/accept")
    people.add(cypher, "cyd")
    request(people, sender="ada", to="cyd")
    people.post("cyd", "/v1/me/requests/incoming/ada/accept")
    drain(worker)
    assert [(r.json["type"], r.json["data"]["actor"]["id"]) for r in receiver.received] == [
        ("connection.accepted", "cyd")
    ]


def test_500_500_200_is_three_attempts_with_one_webhook_id(people, receiver, worker):
    receiver.statuses = [500, 500, 200]
    webhook_id = register(people, "bob", receiver.url).json["id"]
    request(people)
    drain(worker)
    assert len(receiver.received) == 3
    assert len(set(receiver.ids())) == 1
    [delivery] = deliveries(people, "bob", webhook_id)
    assert delivery["id"] == receiver.ids()[0]
    assert delivery["state"] == "delivered" and delivery["attempt_count"] == 3
    assert [(a["number"], a["status_code"], a["outcome"]) for a in delivery["attempts"]] == [
        (1, 500, "failed"),
        (2, 500, "failed"),
        (3, 200, "delivered"),
    ]
    webhook = people.get("bob", f"/v1/me/webhooks/{webhook_id}").json
    assert webhook["failures"] == 0 and webhook["enabled"] is True


def test_repeated_failure_disables_the_webhook_and_tells_its_owner(people, receiver, worker, clock):
    url = f"http://127.0.0.1:{closed_port()}/hook"  # nothing listens: no answer at all
    dead = register(people, "bob", url).json["id"]
    register(people, "bob", receiver.url, kinds=["webhook.disabled"])
    request(people)
    clock.advance(seconds=1)  # the notice comes after the request
    drain(worker)
    webhook = people.get("bob", f"/v1/me/webhooks/{dead}").json
    assert webhook["enabled"] is False and webhook["disabled_at"] is not None
    [delivery] = deliveries(people, "bob", dead)
    assert [a["outcome"] for a in delivery["attempts"]] == ["failed"] * 3
    assert all(a["status_code"] is None and a["error"] for a in delivery["attempts"])
    notices = people.get("bob", "/v1/me/notifications").json["items"]
    assert notices[0]["kind"] == "webhook.disabled"
    assert notices[0]["data"] == {"webhook_id": dead, "url": url}
    # The owner's other webhook got the notice.
    assert [r.json["type"] for r in receiver.received] == ["webhook.disabled"]

    # Enabled again: the waiting delivery is tried again.
    enabled = people.patch("bob", f"/v1/me/webhooks/{dead}", {"enabled": True})
    assert enabled.json["enabled"] is True and enabled.json["failures"] == 0


def test_redeliver_sends_the_same_webhook_id_again(people, receiver, worker):
    webhook_id = register(people, "bob", receiver.url).json["id"]
    request(people)
    drain(worker)
    [delivery] = deliveries(people, "bob", webhook_id)
    again = people.post(
        "bob", f"/v1/me/webhooks/{webhook_id}/deliveries/{delivery['id']}/redeliver"
    )
    assert again.status_code == 202, again.json
    drain(worker)
    assert receiver.ids() == [delivery["id"], delivery["id"]]
    [delivery] = deliveries(people, "bob", webhook_id)
    assert [a["number"] for a in delivery["attempts"]] == [1, 2]
    missing = people.post("bob", f"/v1/me/webhooks/{webhook_id}/deliveries/nope/redeliver")
    assert missing.status_code == 404


# -- a fair queue ------------------------------------------------------------------------------


def test_a_disabled_webhooks_backlog_does_not_hold_up_anyone_else(
    people, cypher, receiver, worker, clock
):
    """Ada gathers 25 deliveries, disables her webhook and redelivers them all: they are the
    oldest due deliveries, but Bob's newer one is still the next one sent."""
    ada_hook = register(people, "ada", receiver.url).json["id"]
    for i in range(25):
        people.add(cypher, f"p{i}", name=f"Person p{i}")
        request(people, f"p{i}", "ada")
    drain(worker)
    people.patch("ada", f"/v1/me/webhooks/{ada_hook}", {"enabled": False})
    clock.advance(seconds=1)
    for delivery in deliveries(people, "ada", ada_hook):
        redone = people.post(
            "ada", f"/v1/me/webhooks/{ada_hook}/deliveries/{delivery['id']}/redeliver"
        )
        assert redone.status_code == 202, redone.json
    clock.advance(seconds=1)
    register(people, "bob", receiver.url)
    request(people)  # bob hears of ada's request
    received = len(receiver.received)
    assert worker.deliver_once() == 1
    assert [r.json["type"] for r in receiver.received[received:]] == ["connection.requested"]


def test_one_owners_backlog_does_not_hold_up_another(people, cypher, receiver, worker, clock):
    """One claim round takes every owner's oldest due delivery before anyone's second."""
    register(people, "ada", receiver.url)
    for i in range(30):
        people.add(cypher, f"p{i}", name=f"Person p{i}")
        request(people, f"p{i}", "ada")
    clock.advance(seconds=1)
    register(people, "bob", receiver.url)
    request(people)
    assert worker.deliver_once() == 20  # one batch: 30 of ada's are older than bob's one
    actors = [r.json["data"]["actor"]["id"] for r in receiver.received]
    assert "ada" in actors, actors  # bob's: ada asked him


# -- slow receivers ----------------------------------------------------------------------------


@pytest.fixture
def trickler():
    trickler = Trickler(every_s=1.0).start()
    yield trickler
    trickler.close()


def test_a_trickling_receiver_is_cut_at_the_deadline_and_two_workers_send_each_once(
    client, cypher, trickler, database
):
    """A receiver that answers a byte a second (each read well within any read timeout):
    every attempt ends at the deadline, and with two workers no webhook-id arrives twice."""
    people = AuthActions(client)
    people.add(cypher, "bob")
    register(people, "bob", trickler.url)
    for i in range(4):
        people.add(cypher, f"p{i}", name=f"Person p{i}")
        request(people, sender=f"p{i}")
    env = {"MUTUALS_WEBHOOKS_DEADLINE_S": "2", "MUTUALS_WEBHOOKS_RETRY_BASE": "3600"}
    workers = [start_worker(database, env=env) for _ in range(2)]
    try:
        deadline = time.monotonic() + 200
        while time.monotonic() < deadline:
            attempts = cypher("MATCH (:Delivery)-[:ATTEMPTED]->(a) RETURN a.error AS error")
            if len(attempts) >= 4:
                break
            time.sleep(0.5)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
            worker.communicate(timeout=120)
    assert len(trickler.ids) == 4 and len(set(trickler.ids)) == 4, trickler.ids
    assert [a["error"] for a in attempts] == ["No answer within the 2 s deadline."] * 4


def test_a_lease_lost_mid_batch_is_not_sent_again(people, receiver, app, clock):
    """Worker A claims a batch; its lease runs out before it gets to the last one, which
    worker B claims and sends; A, getting to it at last, skips it."""
    register(people, "bob", receiver.url)
    request(people)
    slow, quick = Worker(app), Worker(app)
    token, claimed = slow.claim()
    clock.advance(seconds=slow.lease.total_seconds() + 1)
    assert quick.deliver_once() == 1
    for delivery in claimed:
        slow.attempt(token, delivery)
    assert len(receiver.ids()) == 1, receiver.ids()


def test_a_slow_name_lookup_counts_against_the_deadline(monkeypatch):
    """getaddrinfo has no timeout: a resolver that takes 30 s (standing in for a DNS server
    that does not answer) ends the attempt at its deadline."""
    resolve = socket.getaddrinfo

    def slow(host, *args, **kwargs):
        if host == "slow.example":
            time.sleep(30)
        return resolve(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", slow)
    began = time.monotonic()
    outcome = sender.post("https://slow.example/hook", "{}", {}, False, deadline_s=1)
    assert outcome.outcome == "refused" and "within" in outcome.error, outcome
    assert time.monotonic() - began < 30


# -- SSRF at delivery time ---------------------------------------------------------------------


def test_a_redirect_is_not_followed(people, receiver, worker):
    target = Receiver()
    server = start(target)
    try:
        receiver.statuses = [302]
        receiver.location = "http://169.254.169.254/latest/meta-data"
        webhook_id = register(people, "bob", receiver.url).json["id"]
        request(people)
        worker.deliver_once()
        [delivery] = deliveries(people, "bob", webhook_id)
        [attempt] = delivery["attempts"]
        assert attempt["status_code"] == 302 and attempt["outcome"] == "failed"
        assert "redirects are not followed" in attempt["error"]
        assert target.received == []
    finally:
        server.shutdown()
        server.server_close()


def test_an_address_refused_at_delivery_time_is_never_contacted(people, receiver, app, clock):
    webhook_id = register(people, "bob", receiver.url).json["id"]
    request(people)
    # The worker runs without the development setting: loopback is refused before connecting.
    strict = Worker(app)
    strict.settings = dataclasses.replace(strict.settings, webhooks_allow_local=False)
    strict.deliver_once()
    [delivery] = deliveries(people, "bob", webhook_id)
    [attempt] = delivery["attempts"]
    assert attempt["outcome"] == "refused" and attempt["status_code"] is None
    assert "Not sent" in attempt["error"]
    assert receiver.received == []


# -- several workers ---------------------------------------------------------------------------


def _worker_env(database, uri: str | None = None) -> dict:
    settings = database.settings
    return dict(
        os.environ,
        NEO4J_URI=uri or settings.neo4j_uri,
        NEO4J_USERNAME=settings.neo4j_user,
        NEO4J_PASSWORD=settings.neo4j_password or "",
        MUTUALS_WEBHOOKS_ALLOW_LOCAL="1",
        MUTUALS_WEBHOOKS_RETRY_BASE="0",
        FLASK_SKIP_DOTENV="1",
    )


def start_worker(
    database, *args, uri: str | None = None, env: dict | None = None
) -> subprocess.Popen:
    """``mutuals webhooks deliver`` on the test Neo4j (or at ``uri``, e.g. through a proxy),
    with ``env`` added to its environment."""
    return subprocess.Popen(
        [MUTUALS, "webhooks", "deliver", "--poll", "0.2", *args],
        env={**_worker_env(database, uri), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_racing_workers_deliver_each_attempt_once(client, cypher, receiver, database):
    people = AuthActions(client)
    people.add(cypher, "bob")
    register(people, "bob", receiver.url)
    for i in range(40):
        people.add(cypher, f"p{i}", name=f"Person p{i}")
        request(people, sender=f"p{i}")
    receiver.delay_s = 0.02  # both workers are busy at once
    # One delivery per claim: the two claim the same ones as often as can be.
    workers = [start_worker(database, "--until-idle", "--batch", "1") for _ in range(2)]
    outputs = [w.communicate(timeout=240) for w in workers]
    for worker, (_, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
    assert len(receiver.received) == 40
    assert len(set(receiver.ids())) == 40
    attempts = cypher(
        "MATCH (d:Delivery)-[:ATTEMPTED]->(a) RETURN d.state AS state, count(a) AS attempts"
    )
    assert attempts == [{"state": "delivered", "attempts": 40}]
    delivered = [int(out.split(" delivered")[0].split()[-1]) for out, _ in outputs]
    assert sum(delivered) == 40


def test_neo4j_lost_mid_delivery_loses_nothing(client, cypher, database, receiver, proxy):
    """The worker's Neo4j goes away mid-batch (every connection dropped, new ones refused, as
    while it restarts) for longer than one retry budget, then comes back: every delivery is
    made, each attempt recorded once. Cut through a proxy, so the suite's server stays up."""
    people = AuthActions(client)
    people.add(cypher, "bob")
    register(people, "bob", receiver.url)
    for i in range(12):
        people.add(cypher, f"p{i}", name=f"Person p{i}")
        request(people, sender=f"p{i}")
    expected = {row["id"] for row in cypher("MATCH (d:Delivery) RETURN d.id AS id")}
    receiver.delay_s = 0.5  # the worker is mid-batch when Neo4j goes
    worker = start_worker(database, "--batch", "5", uri=proxy.uri)
    try:
        assert receiver.arrived.wait(120), "the worker delivered nothing"
        proxy.cut()
        time.sleep(database.settings.db_timeout_s + 1)
        assert proxy.count_refused() >= 1  # the worker really tried, and was refused
        proxy.restore()
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline:
            states = cypher("MATCH (d:Delivery) RETURN d.state AS state, count(*) AS n")
            if states == [{"state": "delivered", "n": len(expected)}]:
                break
            time.sleep(1)
    finally:
        worker.send_signal(signal.SIGTERM)
        _, err = worker.communicate(timeout=120)
    assert worker.returncode == 0, err
    assert states == [{"state": "delivered", "n": len(expected)}]
    assert set(receiver.ids()) == expected
    # Every attempt made was recorded (numbered without a gap) and was a real POST.
    rows = cypher(
        "MATCH (d:Delivery)-[:ATTEMPTED]->(a) "
        "RETURN d.id AS id, d.attempts AS made, collect(a.number) AS numbers"
    )
    for row in rows:
        assert sorted(row["numbers"]) == list(range(1, row["made"] + 1)), row
    assert len(receiver.received) == sum(row["made"] for row in rows)


# -- the documented receiver, compose and make run ----------------------------------------------


def documented_receiver() -> str:
    text = (PROJECT_ROOT / "docs" / "notifications.md").read_text()
    return re.search(r"```python\n(.*?)```", text, re.S)[1]


def test_the_documented_receiver_verifies_a_delivery(people, worker):
    code = documented_receiver()
    assert len([line for line in code.splitlines() if line.strip()]) <= 10
    secret = register(people, "bob", f"http://127.0.0.1:{closed_port()}/hook").json
    port = int(secret["url"].split(":")[2].split("/")[0])
    code = code.replace('"whsec_..."', repr(secret["secret"])).replace("8130", str(port))
    # Flask's CLI (run by other tests in this process) sets FLASK_RUN_FROM_CLI, which turns
    # app.run() into a no-op: the receiver runs as a reader would run it, without it.
    env = {k: v for k, v in os.environ.items() if k != "FLASK_RUN_FROM_CLI"}
    server = subprocess.Popen(
        [sys.executable, "-u", "-c", code],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        # Until the receiver listens on its port (not until closed_port() changes: a lower
        # port that an earlier test's server frees meanwhile would end the wait early).
        while not listening(port):
            assert server.poll() is None and time.monotonic() < deadline, server.stderr.read()
            time.sleep(0.1)
        request(people)
        drain(worker)
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    [delivery] = deliveries(people, "bob", secret["id"])
    assert delivery["state"] == "delivered", (delivery, out)
    assert delivery["attempts"][0]["status_code"] == 204
    printed = [line.split()[:2] for line in out.splitlines()]
    assert [delivery["id"], "connection.requested"] in printed


def test_compose_and_make_run_start_a_delivery_worker():
    compose = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
    worker = compose["services"]["webhooks"]
    assert worker["command"] == ["mutuals", "webhooks", "deliver"]
    assert worker["depends_on"]["neo4j"]["condition"] == "service_healthy"
    assert (
        worker["environment"]["NEO4J_URI"] == compose["services"]["api"]["environment"]["NEO4J_URI"]
    )
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    run = makefile[makefile.index("\nrun: seed-demo") :].split("\n\n")[0]
    assert "mutuals webhooks deliver &" in run
    assert "run: export MUTUALS_WEBHOOKS_ALLOW_LOCAL = 1" in makefile
