"""The live server (tests/conftest.py's ``live_server``) behind the test client's interface,
so that ``AuthActions`` acts as people over real HTTP: ``AuthActions(LiveClient(base))``."""

from __future__ import annotations

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


class LiveClient:
    """``get``, ``post``, ``put``, ``patch`` and ``delete`` like Flask's test client, sent to
    the live server over one keep-alive session."""

    def __init__(self, base: str):
        self.base = base
        self.session = requests.Session()

    def open(self, path: str, method: str = "GET", json=None, headers=None, query_string=None):
        response = self.session.request(
            method, self.base + path, json=json, headers=headers, params=query_string, timeout=60
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
