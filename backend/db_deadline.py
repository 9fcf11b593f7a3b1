"""A request's transaction ends by its deadline, even when Neo4j stops answering.

Two bounds within the request's remaining budget (``MUTUALS_DB_TIMEOUT_S``):

- on the server, the transaction's ``timeout`` (``neo4j.unit_of_work``), half the time left: a
  query that runs too long is terminated by Neo4j itself, which frees its locks and memory;
- on the client, a watchdog: the driver has no read timeout for a transaction's answers (only
  the ``connection.recv_timeout_seconds`` hint, which a server sends only when configured to),
  so a server or network path that stops answering on an open connection would hold the
  request thread for ever. At the deadline the watchdog shuts the transaction's socket down;
  the waiting read fails, the driver drops that connection, and the request answers 503.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import neo4j

T = TypeVar("T")
# Below this the server refuses (or at once times out) a transaction: give it this much.
_MIN_TIMEOUT_S = 0.05
# Neo4j looks for timed-out transactions every 2 s (db.transaction.monitor.check.interval):
# half the time left is the server's, so that a slow query ends with Neo4j's own "timed out"
# (its locks and memory released at once) before the deadline; the watchdog acts on silence.
_SERVER_SHARE = 0.5


class Watchdog:
    """``with Watchdog(deadline, session) as dog: session.execute_read(dog.bounded(work))``."""

    def __init__(self, deadline: float, session: neo4j.Session):
        self.deadline = deadline
        self._session = session
        self._lock = threading.Lock()
        self._done = False
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._done = True
        self._timer.cancel()

    def bounded(self, work: Callable[..., T]) -> Callable[..., T]:
        """``work`` with the server-side timeout."""
        left = (self.deadline - time.monotonic()) * _SERVER_SHARE
        return neo4j.unit_of_work(timeout=max(_MIN_TIMEOUT_S, left))(work)

    def _expire(self) -> None:
        with self._lock:
            if self._done:
                return
            # The driver offers no public handle on a session's connection (the one it waits
            # on from BEGIN to COMMIT); None while it is still being acquired, which has its
            # own timeout.
            connection = getattr(self._session, "_connection", None)
            if connection is None:
                return
            try:
                connection.socket._socket.shutdown(socket.SHUT_RDWR)
            except (AttributeError, OSError):  # closed meanwhile
                pass
