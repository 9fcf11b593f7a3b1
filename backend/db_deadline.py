"""A request's transaction ends by its deadline, even when Neo4j stops answering.

Two bounds within the request's remaining budget (``MUTUALS_DB_TIMEOUT_S``):

- on the server, the transaction's ``timeout`` (``neo4j.unit_of_work``, or ``neo4j.Query`` for
  an auto-commit read), the time left: a query that runs too long is terminated by Neo4j
  itself, which frees its locks and memory (Neo4j looks for such transactions every 2 s, so
  the watchdog may come first: the closed connection ends the transaction too);
- on the client, a watchdog: the driver has no read timeout for a transaction's answers (only
  the ``connection.recv_timeout_seconds`` hint, which a server sends only when configured to),
  so a server or network path that stops answering on an open connection would hold the
  request thread for ever. At the deadline the watchdog shuts the transaction's socket down;
  the waiting read fails, the driver drops that connection, and the request answers 503.
"""

from __future__ import annotations

import contextvars
import socket
import threading
import time
from collections.abc import Callable
from typing import TypeVar

import neo4j

T = TypeVar("T")
# Below this the server refuses (or at once times out) a transaction: give it this much.
_MIN_TIMEOUT_S = 0.05
# The deadline of the watched work running in this context (for auto-commit queries).
_deadline: contextvars.ContextVar[float | None] = contextvars.ContextVar("deadline", default=None)


def _server_timeout(deadline: float) -> float:
    return max(_MIN_TIMEOUT_S, deadline - time.monotonic())


def auto_commit(statement: str) -> str | neo4j.Query:
    """An auto-commit query (the request's shared read session) with the server-side timeout
    of the watched work it runs in, if any."""
    deadline = _deadline.get()
    return (
        statement if deadline is None else neo4j.Query(statement, timeout=_server_timeout(deadline))
    )


class Watchdog:
    """``with Watchdog(deadline, session) as dog: session.execute_read(dog.bounded(work))``, or
    around auto-commit queries of ``session`` run through :func:`auto_commit`."""

    def __init__(self, deadline: float, session: neo4j.Session):
        self.deadline = deadline
        self._session = session
        self._lock = threading.Lock()
        self._done = False
        self.expired = False
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._expire)
        self._timer.daemon = True

    def __enter__(self) -> Watchdog:
        self._token = _deadline.set(self.deadline)
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._done = True
        self._timer.cancel()
        _deadline.reset(self._token)

    def bounded(self, work: Callable[..., T]) -> Callable[..., T]:
        """``work`` with the server-side timeout."""
        return neo4j.unit_of_work(timeout=_server_timeout(self.deadline))(work)

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
            self.expired = True
            try:
                connection.socket._socket.shutdown(socket.SHUT_RDWR)
            except (AttributeError, OSError):  # closed meanwhile
                pass
