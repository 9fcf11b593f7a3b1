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
        try:
            with requests.Session() as session:
                barrier.wait()
                responses[index] = session.request(
                    method, url, json=body, headers=auth(token), timeout=60
                )
        except requests.RequestException as error:  # raised below, in the test's own thread
            responses[index] = error

    threads = [threading.Thread(target=fire, args=(i, *call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for response in responses:
        if isinstance(response, requests.RequestException):
            raise response
    statuses = [response.status_code for response in responses]
    assert all(status < 500 for status in statuses), statuses
    return responses
