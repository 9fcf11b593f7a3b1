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
import requests
import yaml
from standardwebhooks.webhooks import Webhook

from backend import create_app
from backend.config import PROJECT_ROOT, Settings
from backend.local_neo4j import LocalNeo4j
from backend.webhooks import sender
from backend.webhooks.addresses import RefusedURL, check
from backend.webhooks.worker import Worker
from tests.conftest import FakeClock
from tests.support.graph import auth, create_person, graph_fingerprint
from tests.support.webhook_receiver import Receiver, Trickler, closed_port, start

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
def tokens(cypher) -> dict:
    return {pid: create_person(cypher, pid, name=pid.title()) for pid in ("ada", "bob")}


def register(client, token, url, **body):
    return client.post("/v1/me/webhooks", json={"url": url, **body}, headers=auth(token))


def request(client, tokens, sender="ada", to="bob"):
    response = client.post("/v1/me/requests", json={"to": to}, headers=auth(tokens[sender]))
    assert response.status_code == 201, response.json


def drain(worker: Worker) -> None:
    for _ in range(100):
        if not worker.deliver_once():
            return
    raise AssertionError("deliveries still due after 100 rounds")


def deliveries(client, token, webhook_id) -> list[dict]:
    response = client.get(f"/v1/me/webhooks/{webhook_id}/deliveries", headers=auth(token))
    assert response.status_code == 200, response.json
    return response.json["items"]


# -- registering -------------------------------------------------------------------------------


def test_the_secret_is_shown_once(client, tokens, receiver):
    created = register(client, tokens["bob"], receiver.url, kinds=["connection.requested"])
    assert created.status_code == 201, created.json
    assert created.json["secret"].startswith("whsec_")
    assert created.json["enabled"] is True and created.json["kinds"] == ["connection.requested"]
    webhook_id = created.json["id"]
    listed = client.get("/v1/me/webhooks", headers=auth(tokens["bob"])).json["items"]
    assert [w["id"] for w in listed] == [webhook_id] and "secret" not in listed[0]
    one = client.get(f"/v1/me/webhooks/{webhook_id}", headers=auth(tokens["bob"]))
    assert "secret" not in one.json
    # Nobody else sees, changes or deletes it.
    for method in ("get", "patch", "delete"):
        other = getattr(client, method)(
            f"/v1/me/webhooks/{webhook_id}",
            json={"enabled": False} if method == "patch" else None,
            headers=auth(tokens["ada"]),
        )
        assert other.status_code == 404
    changed = client.patch(
        f"/v1/me/webhooks/{webhook_id}", json={"kinds": None}, headers=auth(tokens["bob"])
    )
    assert changed.status_code == 200 and changed.json["kinds"] is None
    gone = client.delete(f"/v1/me/webhooks/{webhook_id}", headers=auth(tokens["bob"]))
    assert gone.status_code == 204
    assert client.get("/v1/me/webhooks", headers=auth(tokens["bob"])).json["items"] == []


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
def test_unsafe_urls_are_refused_with_a_422(client, tokens, cypher, url):
    before = graph_fingerprint(cypher)
    response = register(client, tokens["bob"], url)
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
    token = create_person(cypher, "bob")
    for url in ("https://localhost/hook", "https://[64:ff9b::a00:1]/", "https://10.1.2.3/"):
        response = requests.post(
            live_server + "/v1/me/webhooks", json={"url": url}, headers=auth(token), timeout=30
        )
        assert response.status_code == 422, (url, response.text)
        assert response.json()["errors"] == {"url": ["Not a public address."]}, url
        assert "127.0.0.1" not in response.text and "10." not in response.text


def test_loopback_needs_the_development_setting(database, cypher, receiver):
    app = create_app({"TESTING": True, "SETTINGS": {"webhooks_allow_local": False}})
    try:
        token = create_person(cypher, "bob")
        client = app.test_client()
        for url in (receiver.url, "https://localhost/hook", "https://127.0.0.1/hook"):
            response = register(client, token, url)
            assert response.status_code == 422, url
    finally:
        app.extensions["mutuals"].close()


# -- delivering --------------------------------------------------------------------------------


def test_a_delivery_is_signed_and_verifies(client, tokens, receiver, worker):
    secret = register(client, tokens["bob"], receiver.url).json["secret"]
    request(client, tokens)
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


def test_only_the_kinds_asked_for_are_delivered(client, tokens, receiver, worker, cypher):
    register(client, tokens["ada"], receiver.url, kinds=["connection.accepted"])
    request(client, tokens, sender="bob", to="ada")  # ada: connection.requested
    client.post("/v1/me/requests/incoming/bob/accept", headers=auth(tokens["ada"]))
    tokens["cyd"] = create_person(cypher, "cyd")
    request(client, tokens, sender="ada", to="cyd")
    client.post("/v1/me/requests/incoming/ada/accept", headers=auth(tokens["cyd"]))
    drain(worker)
    assert [(r.json["type"], r.json["data"]["actor"]["id"]) for r in receiver.received] == [
        ("connection.accepted", "cyd")
    ]


def test_500_500_200_is_three_attempts_with_one_webhook_id(client, tokens, receiver, worker):
    receiver.statuses = [500, 500, 200]
    webhook_id = register(client, tokens["bob"], receiver.url).json["id"]
    request(client, tokens)
    drain(worker)
    assert len(receiver.received) == 3
    assert len(set(receiver.ids())) == 1
    [delivery] = deliveries(client, tokens["bob"], webhook_id)
    assert delivery["id"] == receiver.ids()[0]
    assert delivery["state"] == "delivered" and delivery["attempt_count"] == 3
    assert [(a["number"], a["status_code"], a["outcome"]) for a in delivery["attempts"]] == [
        (1, 500, "failed"),
        (2, 500, "failed"),
        (3, 200, "delivered"),
    ]
    webhook = client.get(f"/v1/me/webhooks/{webhook_id}", headers=auth(tokens["bob"])).json
    assert webhook["failures"] == 0 and webhook["enabled"] is True


def test_repeated_failure_disables_the_webhook_and_tells_its_owner(
    client, tokens, receiver, worker, clock
):
    url = f"http://127.0.0.1:{closed_port()}/hook"  # nothing listens: no answer at all
    dead = register(client, tokens["bob"], url).json["id"]
    register(client, tokens["bob"], receiver.url, kinds=["webhook.disabled"])
    request(client, tokens)
    clock.advance(seconds=1)  # the notice comes after the request
    drain(worker)
    webhook = client.get(f"/v1/me/webhooks/{dead}", headers=auth(tokens["bob"])).json
    assert webhook["enabled"] is False and webhook["disabled_at"] is not None
    [delivery] = deliveries(client, tokens["bob"], dead)
    assert [a["outcome"] for a in delivery["attempts"]] == ["failed"] * 3
    assert all(a["status_code"] is None and a["error"] for a in delivery["attempts"])
    notices = client.get("/v1/me/notifications", headers=auth(tokens["bob"])).json["items"]
    assert notices[0]["kind"] == "webhook.disabled"
    assert notices[0]["data"] == {"webhook_id": dead, "url": url}
    # The owner's other webhook got the notice.
    assert [r.json["type"] for r in receiver.received] == ["webhook.disabled"]

    # Enabled again: the waiting delivery is tried again.
    enabled = client.patch(
        f"/v1/me/webhooks/{dead}", json={"enabled": True}, headers=auth(tokens["bob"])
    )
    assert enabled.json["enabled"] is True and enabled.json["failures"] == 0


def test_redeliver_sends_the_same_webhook_id_again(client, tokens, receiver, worker):
    webhook_id = register(client, tokens["bob"], receiver.url).json["id"]
    request(client, tokens)
    drain(worker)
    [delivery] = deliveries(client, tokens["bob"], webhook_id)
    again = client.post(
        f"/v1/me/webhooks/{webhook_id}/deliveries/{delivery['id']}/redeliver",
        headers=auth(tokens["bob"]),
    )
    assert again.status_code == 202, again.json
    drain(worker)
    assert receiver.ids() == [delivery["id"], delivery["id"]]
    [delivery] = deliveries(client, tokens["bob"], webhook_id)
    assert [a["number"] for a in delivery["attempts"]] == [1, 2]
    missing = client.post(
        f"/v1/me/webhooks/{webhook_id}/deliveries/nope/redeliver", headers=auth(tokens["bob"])
    )
    assert missing.status_code == 404


# -- a fair queue ------------------------------------------------------------------------------


def test_a_disabled_webhooks_backlog_does_not_hold_up_anyone_else(
    client, cypher, tokens, receiver, worker, clock
):
    """Ada gathers 25 deliveries, disables her webhook and redelivers them all: they are the
    oldest due deliveries, but Bob's newer one is still the next one sent."""
    ada_hook = register(client, tokens["ada"], receiver.url).json["id"]
    for i in range(25):
        request(
            client, {"ada": tokens["ada"], f"p{i}": create_person(cypher, f"p{i}")}, f"p{i}", "ada"
        )
    drain(worker)
    client.patch(
        f"/v1/me/webhooks/{ada_hook}", json={"enabled": False}, headers=auth(tokens["ada"])
    )
    clock.advance(seconds=1)
    for delivery in deliveries(client, tokens["ada"], ada_hook):
        redone = client.post(
            f"/v1/me/webhooks/{ada_hook}/deliveries/{delivery['id']}/redeliver",
            headers=auth(tokens["ada"]),
        )
        assert redone.status_code == 202, redone.json
    clock.advance(seconds=1)
    register(client, tokens["bob"], receiver.url)
    request(client, tokens)  # bob hears of ada's request
    received = len(receiver.received)
    assert worker.deliver_once() == 1
    assert [r.json["type"] for r in receiver.received[received:]] == ["connection.requested"]


def test_one_owners_backlog_does_not_hold_up_another(
    client, cypher, tokens, receiver, worker, clock
):
    """One claim round takes every owner's oldest due delivery before anyone's second."""
    register(client, tokens["ada"], receiver.url)
    for i in range(30):
        request(
            client, {"ada": tokens["ada"], f"p{i}": create_person(cypher, f"p{i}")}, f"p{i}", "ada"
        )
    clock.advance(seconds=1)
    register(client, tokens["bob"], receiver.url)
    request(client, tokens)
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
    bob = create_person(cypher, "bob")
    register(client, bob, trickler.url)
    for i in range(4):
        request(client, {f"p{i}": create_person(cypher, f"p{i}"), "bob": bob}, sender=f"p{i}")
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


def test_a_lease_lost_mid_batch_is_not_sent_again(client, tokens, receiver, app, clock):
    """Worker A claims a batch; its lease runs out before it gets to the last one, which
    worker B claims and sends; A, getting to it at last, skips it."""
    register(client, tokens["bob"], receiver.url)
    request(client, tokens)
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


def test_a_redirect_is_not_followed(client, tokens, receiver, worker):
    target = Receiver()
    server = start(target)
    try:
        receiver.statuses = [302]
        receiver.location = "http://169.254.169.254/latest/meta-data"
        webhook_id = register(client, tokens["bob"], receiver.url).json["id"]
        request(client, tokens)
        worker.deliver_once()
        [delivery] = deliveries(client, tokens["bob"], webhook_id)
        [attempt] = delivery["attempts"]
        assert attempt["status_code"] == 302 and attempt["outcome"] == "failed"
        assert "redirects are not followed" in attempt["error"]
        assert target.received == []
    finally:
        server.shutdown()
        server.server_close()


def test_an_address_refused_at_delivery_time_is_never_contacted(
    client, tokens, receiver, app, clock
):
    webhook_id = register(client, tokens["bob"], receiver.url).json["id"]
    request(client, tokens)
    # The worker runs without the development setting: loopback is refused before connecting.
    strict = Worker(app)
    strict.settings = dataclasses.replace(strict.settings, webhooks_allow_local=False)
    strict.deliver_once()
    [delivery] = deliveries(client, tokens["bob"], webhook_id)
    [attempt] = delivery["attempts"]
    assert attempt["outcome"] == "refused" and attempt["status_code"] is None
    assert "Not sent" in attempt["error"]
    assert receiver.received == []


# -- several workers ---------------------------------------------------------------------------


def _worker_env(database) -> dict:
    settings = database.settings
    return dict(
        os.environ,
        NEO4J_URI=settings.neo4j_uri,
        NEO4J_USERNAME=settings.neo4j_user,
        NEO4J_PASSWORD=settings.neo4j_password or "",
        MUTUALS_WEBHOOKS_ALLOW_LOCAL="1",
        MUTUALS_WEBHOOKS_RETRY_BASE="0",
        FLASK_SKIP_DOTENV="1",
    )


def start_worker(database, *args, env: dict | None = None) -> subprocess.Popen:
    return subprocess.Popen(
        [MUTUALS, "webhooks", "deliver", "--poll", "0.2", *args],
        env={**_worker_env(database), **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_racing_workers_deliver_each_attempt_once(client, cypher, receiver, database):
    bob = create_person(cypher, "bob")
    register(client, bob, receiver.url)
    for i in range(40):
        request(client, {f"p{i}": create_person(cypher, f"p{i}"), "bob": bob}, sender=f"p{i}")
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


@pytest.mark.skipif(
    not Settings.from_env().uses_local_neo4j,
    reason="restarts the test's own local Neo4j; NEO4J_URI points at a server it cannot restart",
)
def test_neo4j_restarted_during_delivery_loses_nothing(client, cypher, database, receiver):
    bob = create_person(cypher, "bob")
    register(client, bob, receiver.url)
    for i in range(12):
        request(client, {f"p{i}": create_person(cypher, f"p{i}"), "bob": bob}, sender=f"p{i}")
    expected = {row["id"] for row in cypher("MATCH (d:Delivery) RETURN d.id AS id")}
    receiver.delay_s = 0.5  # the worker is mid-batch when Neo4j goes
    worker = start_worker(database, "--batch", "5")
    try:
        assert receiver.arrived.wait(120), "the worker delivered nothing"
        server = LocalNeo4j(database.settings.local)
        server.stop(echo=lambda *_: None)
        server.start(echo=lambda *_: None)
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


def test_the_documented_receiver_verifies_a_delivery(client, tokens, worker):
    code = documented_receiver()
    assert len([line for line in code.splitlines() if line.strip()]) <= 10
    secret = register(client, tokens["bob"], f"http://127.0.0.1:{closed_port()}/hook").json
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
        while closed_port() == port:  # until the receiver listens
            assert server.poll() is None and time.monotonic() < deadline, server.stderr.read()
            time.sleep(0.1)
        request(client, tokens)
        drain(worker)
    finally:
        server.terminate()
        out, _ = server.communicate(timeout=30)
    [delivery] = deliveries(client, tokens["bob"], secret["id"])
    assert delivery["state"] == "delivered" and delivery["attempts"][0]["status_code"] == 204
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
