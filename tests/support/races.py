"""Requests fired at the same moment at the live server (tests/conftest.py's ``live_server``)."""

from __future__ import annotations

import threading
import time

import requests

from tests.support.graph import auth

# A race is a pile-up by design: its writes queue behind each other on the same Neo4j locks,
# and on a loaded machine the last of them has waited more than a minute (a transaction that
# waits on a lock is not cut at MUTUALS_DB_TIMEOUT_S). What the tests check is the outcome,
# never how long it took, so the wait for an answer is bounded only to fail a hung server
# within pytest's own timeout.
ANSWER_TIMEOUT_S = 240


def race(calls: list[tuple]) -> list[requests.Response]:
    """Send every ``(method, url, token, body)`` at once, each from its own thread and
    connection; the final responses in the calls' order.

    A call answered 503 with Retry-After (Neo4j did not answer within the server's budget,
    MUTUALS_DB_TIMEOUT_S) is sent again after that wait, as the API tells every client to;
    the first sends are the race. No final answer may be a 5xx, and every call must be
    answered: one that is not fails the test naming the call and how long it waited."""
    barrier = threading.Barrier(len(calls))
    responses: list = [None] * len(calls)
    waited: list[float] = [0.0] * len(calls)
    resent: list[int] = [0] * len(calls)

    def fire(index, method, url, token, body):
        started = time.monotonic()
        try:
            with requests.Session() as session:
                barrier.wait()
                started = time.monotonic()
                while True:
                    response = session.request(
                        method, url, json=body, headers=auth(token), timeout=ANSWER_TIMEOUT_S
                    )
                    retry_after = response.headers.get("Retry-After")
                    if response.status_code != 503 or retry_after is None:
                        break
                    if time.monotonic() - started > ANSWER_TIMEOUT_S:
                        break
                    resent[index] += 1
                    time.sleep(float(retry_after))
                responses[index] = response
        except requests.RequestException as error:  # reported below, in the test's own thread
            responses[index] = error
        finally:
            waited[index] = time.monotonic() - started

    threads = [threading.Thread(target=fire, args=(i, *call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    unanswered = [
        f"{method} {url} after {waited[i]:.1f} s: {type(responses[i]).__name__}"
        for i, (method, url, _, _) in enumerate(calls)
        if isinstance(responses[i], requests.RequestException)
    ]
    assert not unanswered, (
        f"{len(unanswered)} of {len(calls)} racing calls got no answer "
        f"(slowest answered: {max(waited):.1f} s): " + "; ".join(unanswered)
    )
    statuses = [response.status_code for response in responses]
    assert all(status < 500 for status in statuses), (
        f"statuses {statuses}; sent again after a 503: {sum(resent)} times"
    )
    return responses
