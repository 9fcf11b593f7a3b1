"""One HTTP attempt of a delivery: POST to the address checked by backend/webhooks/addresses.py
(no second DNS lookup), no redirects followed, the response body never read, and the whole
attempt (DNS, connect, TLS, send, the answer's status line and headers) within one deadline.

Socket timeouts alone bound each read, not the attempt: a receiver that trickles a byte every
few seconds would hold a worker for ever. At the deadline a timer shuts the socket down,
which ends whatever read or write is waiting on it."""

from __future__ import annotations

import http.client
import socket
import threading
import time
from dataclasses import dataclass

import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection

from backend.webhooks.addresses import DEFAULT_PORTS, RefusedURL, check

CONNECT_TIMEOUT_S = 3.0
USER_AGENT = "mutuals-webhooks/1"


@dataclass(frozen=True)
class Outcome:
    outcome: str  # delivered, failed (HTTP answer not 2xx, or no answer), refused (not sent)
    status_code: int | None
    error: str | None
    duration_ms: int

    @property
    def delivered(self) -> bool:
        return self.outcome == "delivered"


def post(
    url: str, body: str, headers: dict[str, str], allow_local: bool, deadline_s: float
) -> Outcome:
    began = time.monotonic()

    def took() -> int:
        return int((time.monotonic() - began) * 1000)

    def left() -> float:
        return max(0.0, began + deadline_s - time.monotonic())

    try:
        target = check(url, allow_local, resolve_timeout_s=deadline_s)
    except RefusedURL as error:
        return Outcome("refused", None, f"Not sent: {error}", took())
    timeout = min(CONNECT_TIMEOUT_S, left())
    if target.scheme == "https":
        tls = {"server_hostname": target.host, "assert_hostname": target.host}
        connection = HTTPSConnection(target.address, target.port, timeout=timeout, **tls)
    else:
        connection = HTTPConnection(target.address, target.port, timeout=timeout)
    host = f"[{target.host}]" if ":" in target.host else target.host
    if target.port != DEFAULT_PORTS[target.scheme]:
        host += f":{target.port}"
    expired = threading.Event()

    def expire():
        expired.set()
        try:
            connection.sock.shutdown(socket.SHUT_RDWR)  # wakes the waiting read or write
        except (AttributeError, OSError):  # not connected yet (connect has its own timeout)
            pass

    timer = threading.Timer(left(), expire)
    timer.daemon = True
    timer.start()
    try:
        connection.connect()
        connection.sock.settimeout(max(left(), 0.01))
        connection.request(
            "POST",
            target.path,
            body=body.encode(),
            headers={
                **headers,
                "Host": host,
                "Content-Type": "application/json",
                "User-Agent": USER_AGENT,
            },
            preload_content=False,
        )
        status = connection.getresponse().status  # the body is never read, let alone stored
    except (OSError, http.client.HTTPException, urllib3.exceptions.HTTPError) as error:
        reason = (
            f"No answer within the {deadline_s:g} s deadline."
            if expired.is_set()
            else f"{type(error).__name__}: {error}"[:500]
        )
        return Outcome("failed", None, reason, took())
    finally:
        timer.cancel()
        connection.close()
    if 200 <= status < 300:
        return Outcome("delivered", status, None, took())
    error = f"HTTP {status}"
    if 300 <= status < 400:
        error += " (redirects are not followed)"
    return Outcome("failed", status, error, took())
