"""Per client address: how many sign-ups and how many failed authentications it may make
(``MUTUALS_SIGNUP_LIMIT``, ``MUTUALS_AUTH_FAILURE_LIMIT``, in the `limits` library's notation,
e.g. ``10/hour``); beyond that, 429 with ``Retry-After``.

The address is the connection's peer, or the client that ``X-Forwarded-For`` names when
``MUTUALS_TRUSTED_PROXIES`` says how many proxies in front of the app to believe (werkzeug's
ProxyFix, applied by the app factory). Counts are kept in each worker's memory: with N gunicorn
workers an address may get up to N times the limit before every worker refuses it.
"""

from __future__ import annotations

import math
import time

from flask import request
from limits import parse
from limits.storage import MemoryStorage
from limits.strategies import MovingWindowRateLimiter

from backend.errors import TooManyRequests


class AddressLimits:
    def __init__(self, signup: str, auth_failures: str):
        self._limiter = MovingWindowRateLimiter(MemoryStorage())
        self.signup = parse(signup)
        self.auth_failures = parse(auth_failures)

    def count_signup(self) -> None:
        """One more sign-up from this address, or 429 when it has had its share."""
        if not self._limiter.hit(self.signup, "signup", _address()):
            raise self._refusal(self.signup, "signup", "Too many sign-ups from this address.")

    def check_auth_failures(self) -> None:
        """429 while this address has used up its failed authentications."""
        if not self._limiter.test(self.auth_failures, "auth", _address()):
            raise self._refusal(
                self.auth_failures, "auth", "Too many failed authentications from this address."
            )

    def count_auth_failure(self) -> None:
        self._limiter.hit(self.auth_failures, "auth", _address())

    def _refusal(self, limit, kind: str, detail: str) -> TooManyRequests:
        reset_at = self._limiter.get_window_stats(limit, kind, _address()).reset_time
        return TooManyRequests(detail, retry_after_seconds=math.ceil(reset_at - time.time()))


def _address() -> str:
    return request.remote_addr or "unknown"
