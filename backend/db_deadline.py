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
  One thread per process watches every deadline (a timer per read started a thread per
  query: a tenth of a one-query request's time, bench/RESULTS.md).
"""

from __future__ import annotations

import contextvars
import heapq
import itertools
import os
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
        self._session: neo4j.Session | None = session
        self._lock = threading.Lock()
        self._done = False
        self.expired = False

    def __enter__(self) -> Watchdog:
        self._token = _deadline.set(self.deadline)
        _watcher.watch(self)
        return self

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._done = True
            self._session = None  # the watcher may hold this dog until its deadline
        _deadline.reset(self._token)

    @property
    def done(self) -> bool:
        return self._done

    def bounded(self, work: Callable[..., T]) -> Callable[..., T]:
        """``work`` with the server-side timeout."""
        return neo4j.unit_of_work(timeout=_server_timeout(self.deadline))(work)

    def expire(self) -> None:
        """The deadline came: shut the transaction's connection down, unless it ended."""
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


class _Watcher:
    """The process's one watching thread: the open watchdogs by deadline (a heap; one that
    ended is dropped when it reaches the top), woken when an earlier deadline arrives. A
    forked child starts its own thread."""

    def __init__(self):
        self._wake = threading.Condition()
        self._heap: list[tuple[float, int, Watchdog]] = []
        self._order = itertools.count()  # ties on the deadline never compare two watchdogs
        self._pid: int | None = None

    def watch(self, dog: Watchdog) -> None:
        with self._wake:
            if self._pid != os.getpid():
                self._heap.clear()  # a parent's watchdogs are not this process's to end
                self._pid = os.getpid()
                threading.Thread(target=self._run, name="db-deadlines", daemon=True).start()
            heapq.heappush(self._heap, (dog.deadline, next(self._order), dog))
            if self._heap[0][2] is dog:  # earlier than what the thread waits for
                self._wake.notify()

    def _run(self) -> None:
        with self._wake:
            while True:
                while self._heap and self._heap[0][2].done:
                    heapq.heappop(self._heap)
                if not self._heap:
                    self._wake.wait()
                    continue
                wait = self._heap[0][0] - time.monotonic()
                if wait > 0:
                    self._wake.wait(wait)
                    continue
                heapq.heappop(self._heap)[2].expire()


_watcher = _Watcher()
