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


def test_the_budget_counts_from_the_start_of_the_outage():
    ticks = Ticks()
    outage = Outage(BOUND_S, clock=ticks)
    assert outage.budget() == BOUND_S
    outage.failed()
    ticks.now += 2
    assert outage.budget() == pytest.approx(BOUND_S - 2)
    outage.failed()  # a later failure does not move the start
    ticks.now += BOUND_S
    assert outage.budget() == 0  # every call answers at once; none waits a bound as a probe
    outage.succeeded()
    assert outage.budget() == BOUND_S and not outage.down


def test_a_call_that_waited_out_the_bound_dates_the_outage_from_when_it_began():
    """A read that Neo4j left unanswered for the whole bound: the requests queued behind it
    in gunicorn answer at once, not after a fresh bound each (make faults' "hang" took 10 s
    at the median and 15 s at most for a 5 s bound when the outage began at the expiry)."""
    ticks = Ticks()
    outage = Outage(BOUND_S, clock=ticks)
    ticks.now += BOUND_S
    outage.failed(waited_s=BOUND_S)
    assert outage.budget() == 0
    outage.succeeded()
    ticks.now += 10
    outage.failed(waited_s=1)
    outage.failed(waited_s=3)  # an earlier start reported later moves it back
    outage.failed()  # a later one does not move it
    assert outage.budget() == pytest.approx(BOUND_S - 3)


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


def test_the_probe_tries_at_once_then_every_interval():
    """A watchdog also ends a query that a live but busy Neo4j was still running, and that
    marks an outage: the probe's first read, made at once, ends it."""
    tries: list[float] = []

    def probe(seconds: float) -> None:
        tries.append(seconds)
        if len(tries) < 2:
            raise OSError("no answer")

    outage = Outage(BOUND_S, probe=probe, probe_every_s=0.2)
    try:
        outage.failed(waited_s=BOUND_S)
        wait_until(lambda: not outage.down)
        assert tries == [BOUND_S, BOUND_S]
        slow = Outage(BOUND_S, probe=lambda _: None, probe_every_s=3600)
        slow.failed()
        wait_until(lambda: not slow.down)  # not an hour later
    finally:
        outage.stop()


def test_a_database_used_again_after_close_probes_again():
    """Closing a Database stops its probe; a Database used again (as `seed import --bulk`
    does after starting Neo4j) must still find Neo4j back after a later outage."""
    answers = {"up": False}
    tries: list[float] = []

    def probe(seconds: float) -> None:
        tries.append(seconds)
        if not answers["up"]:
            raise OSError("no answer")

    outage = Outage(BOUND_S, probe=probe, probe_every_s=0.05)
    outage.failed()
    wait_until(lambda: tries)  # probing, in vain
    outage.stop()  # Database.close()
    answers["up"] = True
    outage.failed()
    wait_until(lambda: not outage.down)
    outage.stop()


def outage_past_the_bound(app, cut, probes: list | None = None) -> Outage:
    """Neo4j cut off (``cut``) for longer than the bound already, on a clock the test moves;
    each probe made is appended to ``probes``."""
    ticks = Ticks()
    db = app.extensions["mutuals"].db

    def probe(seconds: float) -> None:
        if probes is not None:
            probes.append(seconds)
        db.ping(seconds)

    db.outage.stop()
    db.outage = Outage(BOUND_S, clock=ticks, probe=probe)
    cut()
    db.outage.failed()
    ticks.now += BOUND_S + 1
    return db.outage


def wait_until(condition, timeout_s: float = 60) -> None:
    """Until ``condition()`` holds; a failure if it never does (not a timing: the limit is
    only there so that a broken probe fails the test instead of hanging it)."""
    give_up = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < give_up, "never happened"
        time.sleep(0.02)


def test_a_known_outage_answers_at_once_while_the_process_probes(cypher, proxied_app, proxy):
    """Past the bound no request waits for Neo4j, not even one: a request comes out of
    gunicorn's queue having waited there already. A background probe finds out when Neo4j
    is back."""
    client = proxied_app.test_client()
    people = AuthActions(client)
    people.add(cypher, "ada")
    probes: list[float] = []
    outage = outage_past_the_bound(proxied_app, proxy.hang, probes)
    wait_until(lambda: proxy.held)  # the probe is waiting for an answer

    statuses = {people.get("ada", "/v1/me").status_code for _ in range(20)}
    assert statuses == {503}
    assert len(proxy.held) <= len(probes)  # nobody but the probes touched Neo4j
    assert outage.down

    proxy.restore()  # the held connection is closed; the next probe gets through
    wait_until(lambda: not outage.down)
    assert people.get("ada", "/v1/me").status_code == 200


def test_service_resumes_by_itself_when_neo4j_is_back(cypher, proxied_app, proxy):
    client = proxied_app.test_client()
    people = AuthActions(client)
    people.add(cypher, "ada")
    outage = outage_past_the_bound(proxied_app, proxy.cut)
    assert people.get("ada", "/v1/me").status_code == 503

    proxy.restore()
    wait_until(lambda: not outage.down)  # no request needed: the probe found Neo4j back
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


def slow(rows: int):
    """A transaction function: seconds of work on the server (``rows`` of them), no row
    until the end."""

    def work(tx):
        return tx.run(f"UNWIND range(1, {rows}) AS x WITH x WHERE x < 0 RETURN count(x)").data()

    return work


def assert_ended_on_the_server(database) -> None:
    """The slow query no longer runs: whatever ended it freed what it held."""
    for _ in range(50):  # Neo4j looks for timed-out or abandoned transactions every 2 s
        running = database.driver.execute_query(
            "SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery STARTS WITH 'UNWIND range' "
            "RETURN count(*) AS n"
        ).records[0]["n"]
        if not running:
            break
        time.sleep(0.2)
    assert running == 0


def test_a_query_running_past_the_bound_is_ended_by_neo4j_with_a_503(database, make_app):
    """Every transaction a request runs carries a server-side timeout within the bound: a
    query that runs too long is ended (by Neo4j's timeout, or by the watchdog closing its
    connection, whichever comes first) and frees what it holds; the request answers 503."""
    app = make_app(db_timeout_s=5.0)
    db = app.extensions["mutuals"].db
    with app.test_request_context("/v1/me"), pytest.raises(ServiceUnavailable) as refused:
        db.write_tx(slow(2_000_000_000))
    assert refused.value.status == 503
    assert_ended_on_the_server(database)


def test_background_work_is_ended_at_its_own_bound_and_is_no_outage(database, make_app):
    """Work outside requests (loaders, view refreshes, the delivery worker, `mutuals`
    commands) gets MUTUALS_DB_BACKGROUND_TIMEOUT_S (300 s; 1 s here): a transaction past it
    is ended on the server and its caller told "did not answer in time"; Neo4j answered, so
    it is not an outage. Before, such a transaction had no bound (this one ran its 37 s)."""
    app = make_app(db_background_timeout_s=1.0)
    db = app.extensions["mutuals"].db
    with app.app_context(), pytest.raises(ServiceUnavailable) as ended:
        db.write_tx(slow(200_000_000))
    assert ended.value.detail == "The graph database did not answer in time."
    assert not db.outage.down
    assert_ended_on_the_server(database)


def test_a_read_cut_at_its_deadline_on_a_live_neo4j_opens_no_outage(database, make_app):
    """A request's read that runs its bound out on a Neo4j that answers others (a hub's live
    2nd degree at 1M) answers "did not answer in time" and opens no outage: the requests
    after it get their whole bound. Before, the watchdog's cut counted as Neo4j gone silent
    and the outage dated from the read's start, so the requests after it answered 503
    without trying until the probe got through (bench/results/cold.md: 9 of 10)."""
    app = make_app(db_timeout_s=2.0)
    db = app.extensions["mutuals"].db
    with app.test_request_context("/v1/me"), pytest.raises(ServiceUnavailable) as cut:
        db.read_tx(slow(2_000_000_000))
    assert cut.value.detail == "The graph database did not answer in time."
    assert not db.outage.down
    assert_ended_on_the_server(database)


def test_a_neo4j_gone_silent_mid_read_is_an_outage_from_when_the_read_began(
    cypher, proxied_app, proxy
):
    """The other side of the cut: when Neo4j does not answer the trivial read either, the
    outage began when the cut read did, and the requests after it answer 503 at once."""
    client = proxied_app.test_client()
    people = AuthActions(client)
    people.add(cypher, "ada")
    assert people.get("ada", "/v1/me").status_code == 200
    proxy.stall()  # the open connections stop answering, new ones are held unanswered

    response = people.get("ada", "/v1/me")
    assert response.status_code == 503
    assert response.json["detail"] == "The graph database is unavailable."
    outage = proxied_app.extensions["mutuals"].db.outage
    assert outage.down and outage.budget() == 0  # the next requests answer at once
    proxy.restore()
    wait_until(lambda: not outage.down)
