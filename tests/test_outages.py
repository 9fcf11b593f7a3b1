"""Neo4j unreachable: requests answer 503 problem+json with Retry-After within the bound
(MUTUALS_DB_TIMEOUT_S), an outage already known answers at once, a blip shorter than the
bound is absorbed by the retries, and service resumes by itself. The outage is a TCP proxy
in front of the test Neo4j that the test cuts and restores."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from backend import create_app
from backend.errors import ServiceUnavailable
from backend.outage import Outage
from tests.support.auth import AuthActions

BOUND_S = 5.0


class Ticks:
    """A monotonic clock the test moves."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def proxied_app(database, proxy):
    app = create_app(
        {
            "TESTING": True,
            "SETTINGS": {
                "neo4j_uri": proxy.uri,
                "db_timeout_s": BOUND_S,
                "admin_token": "test-admin-token",
            },
        }
    )
    yield app
    app.extensions["mutuals"].close()


def budget(outage: Outage) -> float:
    with outage.call() as seconds:
        return seconds


def test_the_budget_counts_from_the_start_of_the_outage():
    ticks = Ticks()
    outage = Outage(BOUND_S, clock=ticks)
    assert budget(outage) == BOUND_S
    outage.failed()
    ticks.now += 2
    assert budget(outage) == pytest.approx(BOUND_S - 2)
    outage.failed()  # a later failure does not move the start
    ticks.now += BOUND_S
    with outage.call() as probe:
        assert probe == BOUND_S  # one request at a time probes, for the whole bound
        assert budget(outage) == 0  # the others answer at once
    assert budget(outage) == BOUND_S  # the next probe
    outage.succeeded()
    assert budget(outage) == BOUND_S and not outage.down


def test_an_unreachable_neo4j_answers_503_with_retry_after(cypher, proxied_app, proxy):
    client = proxied_app.test_client()
    people = AuthActions(client)
    people.add(cypher, "ada")
    assert people.get("ada", "/v1/me").status_code == 200
    proxy.cut()

    response = people.get("ada", "/v1/me")
    assert response.status_code == 503
    assert response.mimetype == "application/problem+json"
    assert response.json["detail"] == "The graph database is unavailable."
    assert int(response.headers["Retry-After"]) >= 1
    assert client.get("/healthz").status_code == 200
    ready = client.get("/readyz")
    assert ready.status_code == 503 and "Retry-After" in ready.headers
    assert proxy.count_refused() >= 2  # both really tried


def outage_past_the_bound(app, cut) -> Outage:
    """Neo4j cut off (``cut``) for longer than the bound already, on a clock the test moves."""
    ticks = Ticks()
    db = app.extensions["mutuals"].db
    db.outage = Outage(BOUND_S, clock=ticks)
    cut()
    db.outage.failed()
    ticks.now += BOUND_S + 1
    return db.outage


def test_a_known_outage_answers_at_once_while_one_request_probes(cypher, proxied_app, proxy):
    client = proxied_app.test_client()
    people = AuthActions(client)
    people.add(cypher, "ada")
    outage_past_the_bound(proxied_app, proxy.hang)  # a connection attempt waits: the probe

    with ThreadPoolExecutor(1) as pool:
        probe = pool.submit(lambda: people.get("ada", "/v1/me").status_code)
        while not proxy.held:
            assert not probe.done()
            time.sleep(0.01)
        statuses = {people.get("ada", "/v1/me").status_code for _ in range(20)}
        assert statuses == {503}
        assert len(proxy.held) == 1  # nobody but the probe touched Neo4j
        assert probe.result() == 503


def test_service_resumes_by_itself_when_neo4j_is_back(cypher, proxied_app, proxy):
    client = proxied_app.test_client()
    people = AuthActions(client)
    people.add(cypher, "ada")
    outage = outage_past_the_bound(proxied_app, proxy.cut)
    assert people.get("ada", "/v1/me").status_code == 503

    proxy.restore()
    assert people.get("ada", "/v1/me").status_code == 200
    assert not outage.down
    assert [people.get("ada", "/v1/me").status_code for _ in range(5)] == [200] * 5
    assert client.get("/readyz").status_code == 200


def test_a_blip_shorter_than_the_bound_is_absorbed(cypher, proxied_app, proxy):
    client = proxied_app.test_client()
    people = AuthActions(client)
    people.add(cypher, "ada")
    proxy.cut()
    with ThreadPoolExecutor(4) as pool:
        answers = [pool.submit(lambda: people.get("ada", "/v1/me").status_code) for _ in range(4)]
        assert proxy.refused.acquire(timeout=BOUND_S)  # the requests are retrying
        proxy.restore()
        assert [a.result() for a in answers] == [200] * 4


def test_a_query_running_past_the_bound_is_ended_by_neo4j_with_a_503(database):
    """Every transaction a request runs carries a server-side timeout within the bound: a
    query that runs too long is ended (by Neo4j's timeout, or by the watchdog closing its
    connection, whichever comes first) and frees what it holds; the request answers 503."""
    app = create_app({"TESTING": True, "SETTINGS": {"db_timeout_s": 5.0}})
    db = app.extensions["mutuals"].db

    def slow(tx):  # seconds of work on the server, no row until the end
        return tx.run("UNWIND range(1, 2000000000) AS x WITH x WHERE x < 0 RETURN count(x)").data()

    try:
        with app.test_request_context("/v1/me"), pytest.raises(ServiceUnavailable) as refused:
            db.write_tx(slow)
        assert refused.value.status == 503
    finally:
        app.extensions["mutuals"].close()
    for _ in range(50):  # Neo4j looks for timed-out or abandoned transactions every 2 s
        running = database.driver.execute_query(
            "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range' "
            "RETURN count(*) AS n"
        ).records[0]["n"]
        if not running:
            break
        time.sleep(0.2)
    assert running == 0
