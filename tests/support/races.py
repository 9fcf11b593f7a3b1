"""Requests fired at the same moment at the live server (tests/conftest.py's ``live_server``)."""

from __future__ import annotations

import threading
import time

import requests

from tests.support.graph import auth

ANSWER_TIMEOUT_S = 60


def race(calls: list[tuple]) -> list[requests.Response]:
    """Send every ``(method, url, token, body)`` at once, each from its own thread and
    connection; the responses in the calls' order. None may be a 5xx, and every call must be
    answered: one that is not fails the test naming the call and how long it waited."""
    barrier = threading.Barrier(len(calls))
    responses: list = [None] * len(calls)
    waited: list[float] = [0.0] * len(calls)

    def fire(index, method, url, token, body):
        try:
            with requests.Session() as session:
                barrier.wait()
                started = time.monotonic()
                try:
                    responses[index] = session.request(
                        method, url, json=body, headers=auth(token), timeout=ANSWER_TIMEOUT_S
                    )
                finally:
                    waited[index] = time.monotonic() - started
        except requests.RequestException as error:  # reported below, in the test's own thread
            responses[index] = error

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
