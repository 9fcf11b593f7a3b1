"""How long a request may wait for Neo4j, shared by the threads of one process.

Every call into the graph gets a budget of ``MUTUALS_DB_TIMEOUT_S`` seconds (connection
acquisition and retries included). The budget counts from the start of an outage, not from
each request: once Neo4j has been unreachable for the whole bound, requests answer 503 at
once instead of each waiting the bound again (a few dozen clients would otherwise hold every
gunicorn thread), but for one request at a time, the probe, which tries for the whole bound:
when it gets through, the outage is over for every thread. A blip shorter than the bound is
absorbed: the requests caught in it retry until Neo4j answers.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class Outage:
    def __init__(self, bound_s: float, clock: Callable[[], float] = time.monotonic):
        self.bound_s = bound_s
        self._clock = clock
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._probing = False

    @property
    def down(self) -> bool:
        return self._down_since is not None

    @property
    def retry_after_s(self) -> int:
        """What a 503 tells the client to wait: about the time a recovery takes to be seen."""
        return max(1, math.ceil(min(self.bound_s, 5.0)))

    @contextmanager
    def call(self) -> Iterator[float]:
        """The seconds one call may spend on Neo4j (0: answer 503 without trying), for the
        length of the ``with`` block."""
        now = self._clock()
        probe = False
        with self._lock:
            if self._down_since is None:
                budget = self.bound_s
            elif (left := self._down_since + self.bound_s - now) > 0:
                budget = left
            elif not self._probing:
                self._probing = probe = True
                budget = self.bound_s
            else:
                budget = 0.0
        try:
            yield budget
        finally:
            if probe:
                with self._lock:
                    self._probing = False

    def failed(self) -> None:
        """Neo4j could not be reached (refused, reset, no route)."""
        with self._lock:
            if self._down_since is None:
                self._down_since = self._clock()

    def succeeded(self) -> None:
        with self._lock:
            self._down_since = None
