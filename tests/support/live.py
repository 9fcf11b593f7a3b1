"""The live server (tests/conftest.py's ``live_server``) behind the test client's interface,
so that ``AuthActions`` acts as people over real HTTP: ``AuthActions(LiveClient(base))``."""

from __future__ import annotations

import time

import requests


class LiveResponse:
    """A ``requests`` response read the way tests read the test client's: ``.json`` is the
    parsed body (None when there is none), ``.status_code`` and ``.headers`` as they are."""

    def __init__(self, response: requests.Response):
        self.raw = response
        self.status_code = response.status_code
        self.headers = response.headers
        self.data = response.content
        self.json = (
            response.json()
            if response.content and "json" in response.headers.get("Content-Type", "")
            else None
        )


# The live server answers a pile-up of requests slowly on a loaded machine (they queue on
# Neo4j's locks, and a transaction waiting on a lock is not cut at MUTUALS_DB_TIMEOUT_S; the
# last of a race has waited more than a minute). The tests check outcomes, never how long
# they took, so the wait for an answer is bounded only to fail a hung server within pytest's
# own timeout.
ANSWER_TIMEOUT_S = 240


def answered(session: requests.Session, method: str, url: str, **kwargs) -> requests.Response:
    """The answer to one request. A 503 with Retry-After (Neo4j did not answer within the
    server's budget) is sent again after that wait, as the API tells every client to."""
    started = time.monotonic()
    while True:
        response = session.request(method, url, timeout=ANSWER_TIMEOUT_S, **kwargs)
        retry_after = response.headers.get("Retry-After")
        if response.status_code != 503 or retry_after is None:
            return response
        if time.monotonic() - started > ANSWER_TIMEOUT_S:
            return response
        time.sleep(float(retry_after))


class LiveClient:
    """``get``, ``post``, ``put``, ``patch`` and ``delete`` like Flask's test client, sent to
    the live server over one keep-alive session."""

    def __init__(self, base: str):
        self.base = base
        self.session = requests.Session()

    def open(self, path: str, method: str = "GET", json=None, headers=None, query_string=None):
        response = answered(
            self.session,
            method,
            self.base + path,
            json=json,
            headers=headers,
            params=query_string,
        )
        return LiveResponse(response)

    def get(self, path, **kwargs):
        return self.open(path, method="GET", **kwargs)

    def post(self, path, **kwargs):
        return self.open(path, method="POST", **kwargs)

    def put(self, path, **kwargs):
        return self.open(path, method="PUT", **kwargs)

    def patch(self, path, **kwargs):
        return self.open(path, method="PATCH", **kwargs)

    def delete(self, path, **kwargs):
        return self.open(path, method="DELETE", **kwargs)
