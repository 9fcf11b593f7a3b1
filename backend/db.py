"""The one place that owns the Neo4j driver.

One driver per process, created on first use: under gunicorn (no preload) that is inside
the worker, after the fork, so no worker shares a socket pool with another. Reads go through
``execute_read`` (routed to secondaries on a cluster), writes through ``execute_write``;
both retry transient errors, so transaction functions must be idempotent. The retries stop
at the budget :class:`backend.outage.Outage` gives (``MUTUALS_DB_TIMEOUT_S``), not at the
driver's 30 s, and an unreachable Neo4j becomes a 503 with ``Retry-After``.

Within an HTTP request, reads share one session and run as auto-commit queries: the token
lookup and the reads after it cost one round trip per query, where a managed transaction
each costs three (BEGIN, RUN, COMMIT) and its own session. A read that fails there is run
again the ordinary way (retried, errors mapped); a write ends the shared session, so that the
reads after it start from its bookmark.
"""

from __future__ import annotations

import contextvars
import logging
import os
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from typing import Any, TypeVar

import neo4j
from flask import g, has_request_context
from neo4j import GraphDatabase, ManagedTransaction
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConnectionAcquisitionTimeoutError,
    ConstraintError,
    DriverError,
    IncompleteCommit,
    Neo4jError,
    ResultFailedError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)
from tenacity import Retrying, retry_if_exception, stop_before_delay, wait_exponential_jitter

from backend import bookmarks, errors, query_metrics
from backend.config import Settings
from backend.db_deadline import Watchdog, auto_commit
from backend.outage import Outage
from backend.queries import Query, QueryRegistry, registry

T = TypeVar("T")
log = logging.getLogger("mutuals.db")
# Errors that say Neo4j cannot be reached (as opposed to a deadlock, also retried).
UNREACHABLE = (ServiceUnavailable, SessionExpired)
# How long a request's call cut at its deadline asks Neo4j whether it still answers (a live one
# answers a trivial read in milliseconds, also when busy): what a silent Neo4j adds to the
# calls in flight when it went silent, before the outage answers the rest at once.
SILENCE_CHECK_S = 0.5
# A tighter budget for the calls inside `Database.within(seconds)` (readiness answers in 1 s).
_budget_cap: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "budget_cap", default=None
)


class Database:
    def __init__(self, settings: Settings, queries: QueryRegistry | None = None):
        self.settings = settings
        self.queries = queries or registry()
        self._driver: neo4j.Driver | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()
        self.outage = Outage(settings.db_timeout_s, probe=self.ping)
        query_metrics.configure(settings.slow_query_ms)

    @property
    def driver(self) -> neo4j.Driver:
        # A driver created before a fork is unusable in the child: make a new one there.
        if self._driver is None or self._pid != os.getpid():
            with self._lock:
                if self._driver is None or self._pid != os.getpid():
                    auth = (self.settings.neo4j_user, self.settings.neo4j_password or "")
                    # Server notifications (e.g. "unknown property" on an empty graph) are
                    # noise in production logs; EXPLAIN in the tests shows them where useful.
                    self._driver = GraphDatabase.driver(
                        self.settings.neo4j_uri,
                        auth=auth,
                        notifications_min_severity="OFF",
                        connection_timeout=self.settings.db_timeout_s,
                        connection_acquisition_timeout=self.settings.db_timeout_s,
                    )
                    self._pid = os.getpid()
        return self._driver

    def close(self) -> None:
        self.outage.stop()
        if self._driver is not None and self._pid == os.getpid():
            self._driver.close()
        self._driver = None

    def session(self, **config) -> neo4j.Session:
        """A session; within a request that sent ``Mutuals-Bookmark``, one that reads at least
        that fresh (backend/bookmarks.py)."""
        if (causal := bookmarks.for_session()) is not None:
            config.setdefault("bookmarks", causal)
        return self.driver.session(database=self.settings.neo4j_database, **config)

    def query(self, name: str, version: int) -> Query:
        return self.queries.get(name, version)

    # -- one named query, one transaction -------------------------------------------------

    def read(self, name: str, version: int, **params) -> list[dict[str, Any]]:
        """Run a read query in a managed read transaction; rows as dicts."""
        query = self.query(name, version)
        return self.read_tx(run, query, **params)

    def write(self, name: str, version: int, **params) -> list[dict[str, Any]]:
        """Run a write query in a managed write transaction; rows as dicts."""
        query = self.query(name, version)
        return self.write_tx(run, query, **params)

    def idempotent_write(self, name: str, version: int, **params) -> list[dict[str, Any]]:
        """A write that may run twice (e.g. setting a timestamp): retried even when the
        connection broke during its commit, which a write in general is not."""
        query = self.query(name, version)
        return self._transaction(neo4j.WRITE_ACCESS, run, (query,), params, repeatable=True)

    # -- transaction functions (several queries, rules in between) ------------------------

    def read_tx(self, work: Callable[..., T], *args, **kwargs) -> T:
        if (session := self._request_session()) is not None:
            started = time.monotonic()
            deadline = started + self.settings.db_timeout_s
            with Watchdog(deadline, session) as watchdog:  # ends by the request's deadline
                try:
                    return work(session, *args, **kwargs)
                except (DriverError, Neo4jError) as error:
                    self.end_request()  # the session may be broken: the ordinary way below
                    if watchdog.expired or silent(error, deadline):  # ... unless the bound
                        # is spent: no answer since this read began
                        raise self._cut_at_deadline(started) from None
                    if timed_out(error):  # or it ended a query that ran the bound out
                        raise too_slow(self.outage.retry_after_s) from error
            with self.within(deadline - time.monotonic()):  # one bound for both ways
                return self._transaction(neo4j.READ_ACCESS, work, args, kwargs, repeatable=True)
        return self._transaction(neo4j.READ_ACCESS, work, args, kwargs, repeatable=True)

    def write_tx(self, work: Callable[..., T], *args, **kwargs) -> T:
        return self._transaction(neo4j.WRITE_ACCESS, work, args, kwargs)

    # -- the request's read session -------------------------------------------------------

    def _request_session(self) -> neo4j.Session | None:
        """The current request's read session (opened on its first read), or None outside
        requests, under ``within`` (readiness keeps its own bound) and during an outage."""
        if not has_request_context() or _budget_cap.get() is not None or self.outage.down:
            return None
        held = g.get("read_session")
        if held is None or held[0] is not self:
            session = self.session(
                default_access_mode=neo4j.READ_ACCESS,
                connection_acquisition_timeout=self.settings.db_timeout_s,
            )
            g.read_session = held = (self, session)
        return held[1]

    def end_request(self, _error: BaseException | None = None) -> None:
        """teardown_request (and before a write): close the request's read session."""
        held = g.get("read_session") if has_request_context() else None
        if held is not None and held[0] is self:
            del g.read_session
            try:
                held[1].close()
            except (DriverError, Neo4jError):  # a broken connection: the pool drops it
                log.debug("closing a broken request session", exc_info=True)
            query_metrics.record_pool(self.driver)

    @staticmethod
    @contextmanager
    def within(seconds: float):
        """Calls inside spend at most ``seconds`` on Neo4j (less if the bound is lower)."""
        token = _budget_cap.set(seconds)
        try:
            yield
        finally:
            _budget_cap.reset(token)

    def _transaction(
        self, access_mode: str, work: Callable[..., T], args, kwargs, repeatable: bool = False
    ) -> T:
        """One managed transaction, retried on transient errors until the budget is spent
        (``repeatable``: also when the connection broke during the commit). The driver's own
        retry loop is off (it sleeps up to seconds past any bound)."""
        if access_mode == neo4j.WRITE_ACCESS:
            self.end_request()  # the reads after this write start from its bookmark
        budget = self.outage.budget()
        if (cap := _budget_cap.get()) is not None:
            budget = min(budget, cap)
        if budget <= 0:
            raise self.unavailable()
        deadline = time.monotonic() + budget
        retrying = Retrying(
            retry=retry_if_exception(_retryable_again if repeatable else _retryable),
            stop=stop_before_delay(budget),
            wait=wait_exponential_jitter(multiplier=0.1, max=1.0, jitter=0.1),
            reraise=True,
        )
        with map_driver_errors(self.outage):
            for attempt in retrying:
                with attempt:
                    result = self._attempt(access_mode, work, args, kwargs, deadline)
            self.outage.succeeded()
            return result

    def _attempt(self, access_mode, work, args, kwargs, deadline: float):
        started, watched = time.monotonic(), has_request_context()
        # A request's transaction ends by the request's deadline; background work, which no
        # client waits for and which may legitimately run long, by its own generous bound.
        ends = deadline if watched else started + self.settings.db_background_timeout_s
        with (
            self.session(
                default_access_mode=access_mode,
                connection_acquisition_timeout=max(0.05, deadline - time.monotonic()),
                max_transaction_retry_time=0,
                initial_retry_delay=0,
            ) as session,
            Watchdog(ends, session) as watchdog,
        ):
            try:
                return self._run(session, access_mode, watchdog.bounded(work), args, kwargs)
            except (*UNREACHABLE, ConnectionAcquisitionTimeoutError) as error:
                if watched and silent(error, deadline):  # no answer all along
                    raise self._cut_at_deadline(started) from error
                if watchdog.expired:  # background work past its bound: not an outage
                    raise too_slow(self.outage.retry_after_s) from error
                if isinstance(error, UNREACHABLE):  # refused or reset: it began now
                    self.outage.failed()
                raise
            finally:
                query_metrics.record_pool(self.driver)

    @staticmethod
    def _run(session: neo4j.Session, access_mode: str, work, args, kwargs):
        if access_mode == neo4j.READ_ACCESS:
            return session.execute_read(work, *args, **kwargs)
        result = session.execute_write(work, *args, **kwargs)
        bookmarks.record_write(session.last_bookmarks())
        return result

    def _cut_at_deadline(self, started: float) -> errors.ServiceUnavailable:
        """A request's call that had no answer by its deadline: a Neo4j gone silent (an
        outage, which began when the call did), or only a query that ran the bound out on a
        Neo4j that answers others (a hub's live 2nd degree at 1M), which is no outage: the
        requests after it get their whole bound. One trivial read tells the two apart."""
        try:
            self.ping(SILENCE_CHECK_S)
        except (DriverError, Neo4jError, OSError):
            self.outage.failed(waited_s=time.monotonic() - started)
            return self.unavailable()
        return too_slow(self.outage.retry_after_s)

    def ping(self, seconds: float) -> None:
        """One trivial read within ``seconds``, else an error: whether Neo4j answers (the
        outage's probe, backend/outage.py)."""
        deadline = time.monotonic() + seconds
        with (
            self.session(
                default_access_mode=neo4j.READ_ACCESS, connection_acquisition_timeout=seconds
            ) as session,
            Watchdog(deadline, session),
        ):
            session.run(auto_commit("RETURN 1")).consume()

    def unavailable(self) -> errors.ServiceUnavailable:
        return errors.ServiceUnavailable(
            "The graph database is unavailable.", retry_after_seconds=self.outage.retry_after_s
        )


def silent(error: BaseException, deadline: float) -> bool:
    """A connection failure at (or past) the deadline: Neo4j, or the path to it, did not
    answer for the whole wait (a hang, not a refusal)."""
    return (
        isinstance(error, (*UNREACHABLE, ConnectionAcquisitionTimeoutError))
        and time.monotonic() >= deadline
    )


def is_auth_failure(error: BaseException) -> bool:
    """Neo4j refused the credentials, or locked the user after too many refusals."""
    return isinstance(error, AuthError) or (
        isinstance(error, Neo4jError)
        and error.code == "Neo.ClientError.Security.AuthenticationRateLimit"
    )


def _retryable(error: BaseException) -> bool:
    # A query that failed inside a transaction function (a deadlock, say) reaches us as the
    # ResultFailedError that the driver's rollback raises from it: judge the failure itself.
    if isinstance(error, ResultFailedError) and error.__cause__ is not None:
        error = error.__cause__
    return isinstance(error, (DriverError, Neo4jError)) and error.is_retryable()


def _retryable_again(error: BaseException) -> bool:
    """For work that may run twice (reads, idempotent writes): also a commit whose answer was
    lost. A write in general may have been committed then: the driver does not retry it, nor
    does this module."""
    return isinstance(error, IncompleteCommit) or _retryable(error)


def run(tx: ManagedTransaction, query: Query, **params) -> list[dict[str, Any]]:
    """Run a named query inside a transaction function; rows as dicts."""
    statement = auto_commit(query.text) if isinstance(tx, neo4j.Session) else query.text
    with query_metrics.observed(query):
        result = tx.run(statement, query.bind(**params))
        return [record.data() for record in result]


_BAD_BOOKMARK = (
    "Neo.ClientError.Transaction.InvalidBookmark",
    "Neo.ClientError.Transaction.InvalidBookmarkMixture",
)
_BOOKMARK_TIMEOUT = "Neo.TransientError.Transaction.BookmarkTimeout"
# The server ended a transaction at its timeout (backend/db_deadline.py).
_TIMED_OUT = (
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
)


def timed_out(error: BaseException) -> bool:
    """Neo4j ended the transaction at its timeout."""
    failure = error.__cause__ if isinstance(error, ResultFailedError) else error
    return isinstance(failure, Neo4jError) and failure.code in _TIMED_OUT


def too_slow(retry_after_s: int) -> errors.ServiceUnavailable:
    log.warning("neo4j transaction timed out")
    return errors.ServiceUnavailable(
        "The graph database did not answer in time.", retry_after_seconds=retry_after_s
    )


class map_driver_errors:
    """Turn driver failures the client can act on into problems; let bugs stay 500s."""

    def __init__(self, outage: Outage | None = None):
        self.retry_after_s = outage.retry_after_s if outage else 1

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is None or isinstance(exc, errors.Problem):
            return False
        if isinstance(exc, ClientError) and exc.code in _BAD_BOOKMARK:
            raise bookmarks.malformed() from exc
        if isinstance(exc, TransientError) and exc.code == _BOOKMARK_TIMEOUT:
            raise errors.ServiceUnavailable(
                f"The database has not caught up with the {bookmarks.HEADER} yet; retry."
            ) from exc
        if timed_out(exc):
            raise too_slow(self.retry_after_s) from exc
        if isinstance(exc, ConstraintError):
            raise errors.Conflict("The change conflicts with existing data.") from exc
        if is_auth_failure(exc):
            raise errors.AuthenticationFailed() from exc
        if isinstance(exc, (*UNREACHABLE, ConnectionAcquisitionTimeoutError, TransientError)):
            log.warning("neo4j unavailable", extra={"error": type(exc).__name__})
            raise errors.ServiceUnavailable(
                "The graph database is unavailable.", retry_after_seconds=self.retry_after_s
            ) from exc
        return False
