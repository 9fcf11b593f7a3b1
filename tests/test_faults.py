"""The fast part of the fault suite (harness/faults.py, which `make faults` times), on the
test Neo4j behind a cuttable proxy: Neo4j unreachable under 50 concurrent requests, a blip
under load, a gunicorn worker killed mid-request, and a graceful drain on SIGTERM. The
timings are the bench's business; here only what each client was answered."""

from __future__ import annotations

import pytest

from backend.db import Database
from harness import faults
from harness.gunicorn import Gunicorn, free_port
from harness.queries import bench_registry

BOUND_S = 5.0


@pytest.fixture
def server(database, proxy, tmp_path):
    with Gunicorn(
        free_port(),
        workers=2,
        threads=4,
        log=tmp_path / "gunicorn.log",
        NEO4J_URI=proxy.uri,
        NEO4J_USERNAME=database.settings.neo4j_user,
        NEO4J_PASSWORD=database.settings.neo4j_password or "",
        MUTUALS_DB_TIMEOUT_S=str(BOUND_S),
    ) as server:
        yield server


def test_fifty_concurrent_requests_while_neo4j_is_down_all_answer_503(server, proxy):
    token = faults.sign_up_token(server.base)
    result = faults.concurrent_while_down(server.base, token, proxy.cut, proxy.restore, BOUND_S)
    assert result["statuses"] == {503: 50} and result["with_retry_after"] == 50, result
    assert result["within_bound"] == 50, result  # the bound plus faults.ANSWER_SLACK_S
    assert (result["readyz"], result["healthz"]) == (503, 200)
    assert result["ok"]


def test_a_neo4j_that_hangs_on_open_connections_answers_503_within_the_bound(server, proxy):
    """The proxy stops forwarding without closing anything: only the app's own deadline (and
    the server-side transaction timeout) ends the wait. Each answer within the bound (plus
    faults.ANSWER_SLACK_S, for the HTTP exchange and a loaded machine): 8 server threads
    take the first requests, the others wait in gunicorn's queue for the first bound, then
    must answer at once (before the fix they got a fresh bound each: 10 s at the median)."""
    token = faults.sign_up_token(server.base)
    result = faults.concurrent_while_down(server.base, token, proxy.stall, proxy.restore, BOUND_S)
    assert result["statuses"] == {503: 50} and result["with_retry_after"] == 50, result
    assert result["within_bound"] == 50, result
    assert (result["readyz"], result["healthz"]) == (503, 200)
    assert result["ok"]


def test_a_blip_under_load_is_absorbed(server, proxy):
    token = faults.sign_up_token(server.base)
    result = faults.blip(server.base, token, proxy, blip_s=1.0)
    assert result["statuses"].keys() == {200}, result


def test_a_killed_worker_is_replaced_and_only_its_requests_fail(server):
    token = faults.sign_up_token(server.base)
    result = faults.kill_worker(server, token)
    assert result["replaced"], result
    assert result["ok"], result


def test_sigterm_drains_a_request_in_flight(server, proxy, database):
    bench_db = Database(database.settings, bench_registry())  # the check reads a bench query
    try:
        result = faults.drain(server, proxy, bench_db)
    finally:
        bench_db.close()
    assert result["status"] == 201 and result["stored"], result
    assert result["gunicorn_exit_code"] == 0
