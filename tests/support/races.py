"""Requests fired at the same moment at the live server (tests/conftest.py's ``live_server``)."""

from __future__ import annotations

import threading
import time

import requests

from tests.support.graph import auth
from tests.support.live import answered


def race(calls: list[tuple], *, multipart: bool = False) -> list[requests.Response]:
    """Send every ``(method, url, token, body)`` at once, each from its own thread and
    connection; the final responses in the calls' order. The bodies are JSON, or with
    ``multipart`` files (``{"file": [(name, bytes), ...]}``, as requests' ``files``).

    A call answered 503 with Retry-After (Neo4j did not answer within the server's budget,
    MUTUALS_DB_TIMEOUT_S) is sent again after that wait, as the API tells every client to;
    the first sends are the race. No final answer may be a 5xx, and every call must be
    answered: one that is not fails the test naming the call and how long it waited."""
    barrier = threading.Barrier(len(calls))
    responses: list = [None] * len(calls)
    waited: list[float] = [0.0] * len(calls)

    def fire(index, method, url, token, body):
        started = time.monotonic()
        try:
            with requests.Session() as session:
                barrier.wait()
                started = time.monotonic()
                sent = {"files": _parts(body)} if multipart else {"json": body}
                response = answered(session, method, url, headers=auth(token), **sent)
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
    assert all(status < 500 for status in statuses), statuses
    return responses


def _parts(body: dict) -> list[tuple]:
    return [(field, part) for field, parts in body.items() for part in parts]
