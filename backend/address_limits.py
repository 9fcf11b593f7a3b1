"""Per client: how many sign-ups and how many failed authentications it may make
(``MUTUALS_SIGNUP_LIMIT``, ``MUTUALS_AUTH_FAILURE_LIMIT``, in the `limits` library's notation,
e.g. ``10/hour``, counted in fixed windows); beyond that, 429 with ``Retry-After``.

A client is the connection's peer address, or the one ``X-Forwarded-For`` names when
``MUTUALS_TRUSTED_PROXIES`` says how many proxies in front of the app to believe (werkzeug's
ProxyFix, applied by the app factory). An IPv6 client is its /64 (one host usually has a whole
/64 to pick addresses from), an IPv4-mapped IPv6 address its IPv4 address.

Only failures are counted, and only after the token was looked up: a valid person token is
honoured whatever its address did (a token is 256 random bits: guessing is hopeless, so the
limit exists to turn a flood of bad tokens into cheap 429s, not to lock anyone out). The admin
token, which a person chooses, is not compared at all once its address has used up its
failures.

The counts live where every worker and server sees them: in Neo4j (:class:`Neo4jCounters`,
one small node per limit and client, written only when something is counted), or in any
storage of the `limits` library that ``MUTUALS_LIMITS_STORAGE`` names (``redis://...``,
``memcached://...``; ``memory://`` keeps them per worker). Each worker also remembers the
clients it has refused until their window ends, so a flood costs the storage nothing more.
A counter in the graph whose window has ended is deleted by the delivery worker's sweep
(:meth:`AddressLimits.prune_expired`), so that addresses never seen again leave nothing
behind; the other storages expire their keys themselves.
"""

from __future__ import annotations

import ipaddress
import math
import threading
import time

from flask import request
from limits import RateLimitItem, parse
from limits.storage import Storage, storage_from_string
from limits.strategies import FixedWindowRateLimiter
from neo4j.exceptions import DriverError, Neo4jError

from backend.db import Database
from backend.errors import TooManyRequests

# Counters deleted per transaction, and per sweep at most: a flood from many addresses is
# pruned over several sweeps (a minute apart), none of which holds the worker for long.
PRUNE_BATCH = 1000
PRUNE_MOST = 20_000


class AddressLimits:
    def __init__(self, storage: Storage, signup: str, auth_failures: str):
        self._storage = storage
        self._limiter = FixedWindowRateLimiter(storage)
        self.signup = parse(signup)
        self.auth_failures = parse(auth_failures)
        self._refused_until: dict[tuple[str, str], float] = {}
        self._lock = threading.Lock()

    def count_signup(self) -> None:
        """One more sign-up from this client, or 429 when it has had its share."""
        self._count(self.signup, "signup", "Too many sign-ups from this address.")

    def count_auth_failure(self) -> None:
        """One more failed authentication from this client: 429 (instead of the caller's 401)
        once it has had its share."""
        self._count(
            self.auth_failures, "auth", "Too many failed authentications from this address."
        )

    def check_auth_failures(self) -> None:
        """429 while this client has used up its failed authentications (before comparing a
        secret that a person chose, the admin token)."""
        client = client_of_request()
        if self._remembered(self.auth_failures, "auth", client) or not self._limiter.test(
            self.auth_failures, "auth", client
        ):
            raise self._refusal(
                self.auth_failures, "auth", client, "Too many failed authentications."
            )

    def prune_expired(self) -> int:
        """Delete the counters whose window has ended, if the graph keeps them: how many."""
        return self._storage.prune_expired() if isinstance(self._storage, Neo4jCounters) else 0

    def _count(self, limit: RateLimitItem, kind: str, detail: str) -> None:
        client = client_of_request()
        if self._remembered(limit, kind, client) or not self._limiter.hit(limit, kind, client):
            raise self._refusal(limit, kind, client, detail)

    def _remembered(self, limit: RateLimitItem, kind: str, client: str) -> bool:
        with self._lock:
            until = self._refused_until.get((kind, client))
            if until is not None and until <= time.time():
                del self._refused_until[(kind, client)]
                until = None
        return until is not None

    def _refusal(
        self, limit: RateLimitItem, kind: str, client: str, detail: str
    ) -> TooManyRequests:
        with self._lock:
            reset_at = self._refused_until.get((kind, client))
        if reset_at is None:
            reset_at = self._limiter.get_window_stats(limit, kind, client).reset_time
            with self._lock:
                self._refused_until[(kind, client)] = reset_at
        return TooManyRequests(
            detail, retry_after_seconds=max(1, math.ceil(reset_at - time.time()))
        )


def client_of_request() -> str:
    """The client a request's limits count against: its address, an IPv6 address's /64."""
    address = request.remote_addr or "unknown"
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address
    if ip.version == 6:
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network((ip, 64), strict=False))
    return str(ip)


def counters_storage(uri: str | None, db: Database) -> Storage:
    """The storage ``MUTUALS_LIMITS_STORAGE`` names, or the graph when it is unset."""
    return storage_from_string(uri) if uri else Neo4jCounters(db)


class Neo4jCounters(Storage):
    """Fixed-window counters for the `limits` library, kept in the graph (cypher/queries/
    limits): shared by every worker and server without another service to run. A count is
    one small write transaction, made only for what is counted (a failure, a sign-up)."""

    STORAGE_SCHEME = None  # made from the app's Database, never from a URI

    def __init__(self, db: Database):
        super().__init__()
        self.db = db

    @property
    def base_exceptions(self) -> tuple[type[Exception], ...]:
        return (Neo4jError, DriverError)

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        while True:
            count = self.db.write(
                "limits.hit", 1, key=key, amount=amount, expiry_s=expiry, now=time.time()
            )[0]["count"]
            if count is not None:
                return count
            # No count: the sweep deleted this ended window between the hit's MERGE and its
            # lock (limits.prune). Hit again: that makes a new window, which no sweep
            # deletes before it ends.

    def get(self, key: str) -> int:
        return self.db.read("limits.counter", 1, key=key, now=time.time())[0]["count"]

    def get_expiry(self, key: str) -> float:
        return self.db.read("limits.counter", 1, key=key, now=time.time())[0]["expires_at"]

    def check(self) -> bool:
        try:
            self.get("health")
        except (Neo4jError, DriverError):
            return False
        return True

    def reset(self) -> int:
        return self.db.write("limits.clear_all", 1)[0]["cleared"]

    def prune_expired(self) -> int:
        """Delete the counters whose window has ended, at most ``PRUNE_MOST``: how many. An
        ended window counts nothing (limits.hit starts a new one), so no limit changes."""
        total = 0
        while total < PRUNE_MOST:
            limit = min(PRUNE_BATCH, PRUNE_MOST - total)
            deleted = self.db.write("limits.prune", 1, now=time.time(), limit=limit)[0]["deleted"]
            total += deleted
            if deleted < limit:
                break
        return total

    def clear(self, key: str) -> None:
        self.db.write("limits.clear", 1, key=key)
