"""Neo4j restarted while a worker delivers: every notification still reaches the receiver
and every attempt made is recorded (at-least-once, one webhook-id per delivery)."""

from __future__ import annotations

import signal
import time

import pytest

from backend.config import Settings
from backend.local_neo4j import LocalNeo4j
from tests.helpers import create_person
from tests.test_webhooks import (  # noqa: F401 - fixtures
    app,
    clock,
    receiver,
    register,
    request,
    start_worker,
)

pytestmark = pytest.mark.skipif(
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
