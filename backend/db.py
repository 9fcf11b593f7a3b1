"""The one place that owns the Neo4j driver.

One driver per process, created on first use: under gunicorn (no preload) that is inside
the worker, after the fork, so no worker shares a socket pool with another. Reads go through
``execute_read`` (routed to secondaries on a cluster), writes through ``execute_write``;
both retry transient errors, so transaction functions must be idempotent.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import neo4j
from neo4j import GraphDatabase, ManagedTransaction
from neo4j.exceptions import (
    AuthError,
    ClientError,
    ConstraintError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from backend import bookmarks, errors
from backend.config import Settings
from backend.queries import Query, QueryRegistry, registry

T = TypeVar("T")


class Database:
    def __init__(self, settings: Settings, queries: QueryRegistry | None = None):
        self.settings = settings
        self.queries = queries or registry()
        self._driver: neo4j.Driver | None = None
        self._pid: int | None = None
        self._lock = threading.Lock()

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
                        self.settings.neo4j_uri, auth=auth, notifications_min_severity="OFF"
                    )
                    self._pid = os.getpid()
        return self._driver

    def close(self) -> None:
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

    # -- transaction functions (several queries, rules in between) ------------------------

    def read_tx(self, work: Callable[..., T], *args, **kwargs) -> T:
        with map_driver_errors(), self.session(default_access_mode=neo4j.READ_ACCESS) as session:
            return session.execute_read(work, *args, **kwargs)

    def write_tx(self, work: Callable[..., T], *args, **kwargs) -> T:
        with map_driver_errors(), self.session() as session:
            result = session.execute_write(work, *args, **kwargs)
            bookmarks.record_write(session.last_bookmarks())
            return result


def run(tx: ManagedTransaction, query: Query, **params) -> list[dict[str, Any]]:
    """Run a named query inside a transaction function; rows as dicts."""
    result = tx.run(query.text, query.bind(**params))
    return [record.data() for record in result]


_BAD_BOOKMARK = (
    "Neo.ClientError.Transaction.InvalidBookmark",
    "Neo.ClientError.Transaction.InvalidBookmarkMixture",
)
_BOOKMARK_TIMEOUT = "Neo.TransientError.Transaction.BookmarkTimeout"


class map_driver_errors:
    """Turn driver failures the client can act on into problems; let bugs stay 500s."""

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
        if isinstance(exc, ConstraintError):
            raise errors.Conflict("The change conflicts with existing data.") from exc
        if isinstance(exc, AuthError):
            raise errors.AuthenticationFailed() from exc
        if isinstance(exc, (ServiceUnavailable, SessionExpired)):
            raise errors.ServiceUnavailable("The graph database is unavailable.") from exc
        return False
