"""How long a request may wait for Neo4j, shared by the threads of one process.

Every call into the graph gets a budget of ``MUTUALS_DB_TIMEOUT_S`` seconds (connection
acquisition and retries included). The budget counts from the start of an outage, not from
each request: once Neo4j has been unreachable for the whole bound, calls answer 503 at once
instead of each waiting the bound again (a few dozen clients would otherwise hold every
gunicorn thread). A blip shorter than the bound is absorbed: the calls caught in it retry
until Neo4j answers.

An outage starts when Neo4j went away, not when a call noticed: a call that waited out its
whole budget on a silent Neo4j (backend/db_deadline.py) reports how long it waited, so the
requests queued behind it in gunicorn answer 503 at once instead of getting a fresh bound.

No request finds out when the outage is over: a request taken from gunicorn's queue has
already waited there for a time the app cannot see, so one that waited the bound again as a
probe would answer its client after twice the bound. A background thread per process probes
instead (one trivial read at once, then every ``probe_every_s``, bounded like a request),
and ends the outage for every thread when Neo4j answers; a call that gets through ends it
too.
"""

from __future__ import annotations

import logging
import math
import os
import threading
import time
from collections.abc import Callable

log = logging.getLogger("mutuals.db")


class Outage:
    def __init__(
        self,
        bound_s: float,
        clock: Callable[[], float] = time.monotonic,
        probe: Callable[[float], None] | None = None,
        probe_every_s: float = 0.5,
    ):
        """``probe(seconds)`` returns when Neo4j answered within ``seconds``, else raises."""
        self.bound_s = bound_s
        self._clock = clock
        self._probe = probe
        self._probe_every_s = probe_every_s
        self._lock = threading.Lock()
        self._down_since: float | None = None
        # The probing thread, as (its process, what stops it).
        self._prober: tuple[int, threading.Event] | None = None

    @property
    def down(self) -> bool:
        return self._down_since is not None

    @property
    def retry_after_s(self) -> int:
        """What a 503 tells the client to wait: about the time a recovery takes to be seen."""
        return max(1, math.ceil(min(self.bound_s, 5.0)))

    def budget(self) -> float:
        """The seconds one call may spend on Neo4j: the bound, during an outage what is left
        of it since the outage began (0: answer 503 without trying)."""
        with self._lock:
            if self._down_since is None:
                return self.bound_s
            return max(0.0, self._down_since + self.bound_s - self._clock())

    def failed(self, waited_s: float = 0.0) -> None:
        """Neo4j could not be reached (refused, reset, no route), or did not answer a call
        that waited ``waited_s`` for it: the outage began that long ago (an earlier start
        reported later moves it back; a later one does not move it)."""
        began = self._clock() - waited_s
        with self._lock:
            if self._down_since is None:
                log.warning("neo4j unreachable: outage began", extra={"waited_s": waited_s})
            if self._down_since is None or began < self._down_since:
                self._down_since = began
            self._start_prober()

    def succeeded(self) -> None:
        with self._lock:
            if self._down_since is not None:
                log.warning("neo4j reachable again: outage over")
            self._down_since = None

    def stop(self) -> None:
        """End the probing thread, if one runs (the Database closes its driver); a later
        failure starts another."""
        with self._lock:
            if self._prober is not None:
                self._prober[1].set()
                self._prober = None

    def _start_prober(self) -> None:
        """Under the lock: a probing thread in this process, unless one runs (a thread of
        the parent does not run in a forked child)."""
        if self._probe is None:
            return
        if self._prober is not None and self._prober[0] == os.getpid():
            return
        stop = threading.Event()
        self._prober = (os.getpid(), stop)
        threading.Thread(
            target=self._probe_until_up, args=(stop,), name="neo4j-probe", daemon=True
        ).start()

    def _probe_until_up(self, stop: threading.Event) -> None:
        """At once (a watchdog that ended a query Neo4j was still running marks an outage
        too: a live Neo4j ends it within one trivial read), then every ``probe_every_s``."""
        while not stop.is_set():
            with self._lock:
                if self._down_since is None:  # over (this probe or a call got through)
                    if self._prober is not None and self._prober[1] is stop:
                        self._prober = None
                    return
            try:
                self._probe(self.bound_s)
            except Exception:  # noqa: BLE001 - whatever failed, Neo4j did not answer
                stop.wait(self._probe_every_s)
                continue
            self.succeeded()
