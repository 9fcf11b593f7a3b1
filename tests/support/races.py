"""Requests fired at the same moment at the live server (tests/conftest.py's ``live_server``)."""

from __future__ import annotations

import threading

import requests

from tests.support.graph import auth


def race(calls: list[tuple]) -> list[requests.Response]:
    """Send every ``(method, url, token, body)`` at once, each from its own thread and
    connection; the responses in the calls' order. None may be a 5xx."""
    barrier = threading.Barrier(len(calls))
    responses: list = [None] * len(calls)

    def fire(index, method, url, token, body):
        with requests.Session() as session:
            barrier.wait()
            responses[index] = session.request(
                method, url, json=body, headers=auth(token), timeout=60
            )

    threads = [threading.Thread(target=fire, args=(i, *call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = [response.status_code for response in responses]
    assert all(status < 500 for status in statuses), statuses
    return responses
