"""One HTTP attempt of a delivery: POST to the address checked by backend/webhooks/addresses.py
(no second DNS lookup), short timeouts, no redirects followed, the response body never read."""

from __future__ import annotations

import time
from dataclasses import dataclass

import urllib3

from backend.webhooks.addresses import DEFAULT_PORTS, RefusedURL, check

TIMEOUT = urllib3.Timeout(total=10, connect=3, read=5)
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


def post(url: str, body: str, headers: dict[str, str], allow_local: bool) -> Outcome:
    began = time.monotonic()

    def took() -> int:
        return int((time.monotonic() - began) * 1000)

    try:
        target = check(url, allow_local)
    except RefusedURL as error:
        return Outcome("refused", None, f"Not sent: {error}", took())
    pool_class = (
        urllib3.HTTPSConnectionPool if target.scheme == "https" else urllib3.HTTPConnectionPool
    )
    tls = {"server_hostname": target.host, "assert_hostname": target.host}
    pool = pool_class(
        target.address,
        target.port,
        timeout=TIMEOUT,
        retries=False,
        maxsize=1,
        **(tls if target.scheme == "https" else {}),
    )
    host = f"[{target.host}]" if ":" in target.host else target.host
    if target.port != DEFAULT_PORTS[target.scheme]:
        host += f":{target.port}"
    try:
        response = pool.urlopen(
            "POST",
            target.path,
            body=body.encode(),
            headers={
                **headers,
                "Host": host,
                "Content-Type": "application/json",
                "User-Agent": USER_AGENT,
            },
            redirect=False,
            retries=False,
            preload_content=False,
        )
        status = response.status
        response.close()  # the body is never read, let alone stored
    except urllib3.exceptions.HTTPError as error:
        return Outcome("failed", None, f"{type(error).__name__}: {error}"[:500], took())
    finally:
        pool.close()
    if 200 <= status < 300:
        return Outcome("delivered", status, None, took())
    error = f"HTTP {status}"
    if 300 <= status < 400:
        error += " (redirects are not followed)"
    return Outcome("failed", status, error, took())
