"""Computing network views (see :mod:`backend.network.views`) off the request path.

Each process has one background thread for it: a refresh reads a person's whole 2-hop
(second, suggestions) or 3-hop (counts) neighbourhood, and more threads would only take
Neo4j's cores from the requests. A part is queued at most once per process; across processes
and machines the lease of ``views.claim`` lets one refresh of a part run at a time, and a
lease left by a crash expires.

A part is computed by its live query (``network.second_degree``, ``network.suggestions``,
``network.network_counts``) in one read transaction, after reading the person's
``network_version``, and written by ``views.save`` in one write transaction: a reader sees
the old part or the new one, and a change committed while computing leaves the new part
outdated (never served) rather than wrong.
"""

from __future__ import annotations

import logging
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from flask import Flask

from backend.app_services import app_services, now
from backend.db import run
from backend.network.service import MUTUAL_SAMPLE_SIZE, SCORE_WEIGHTS, SUGGESTION_POOL_SIZE
from backend.network.views import due_before

log = logging.getLogger(__name__)

# Longer than any refresh takes (a 17k-connection person: seconds); a crashed refresher's
# lease lets the next one in after this.
LEASE = timedelta(minutes=5)
NO_FILTERS = dict(location=None, industry=None, profession=None, skill=None)


class ViewRefresher:
    def __init__(self, app: Flask):
        # Refreshes run in this app's context, on the background thread or the caller's.
        self.app = app
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="network-views")
        self._queued: set[tuple[str, str]] = set()
        self._lock = threading.Lock()
        self._closed = False

    # -- in the background ------------------------------------------------------------------

    def schedule(self, person_id: str, part: str, existing_only: bool = False) -> None:
        """Refresh this part of the person's view soon, unless it is already queued here."""
        with self._lock:
            if self._closed or (person_id, part) in self._queued:
                return
            self._queued.add((person_id, part))
        self._executor.submit(self._refresh_queued, person_id, part, existing_only)

    def _refresh_queued(self, person_id: str, part: str, existing_only: bool) -> None:
        try:
            self.refresh(person_id, part, existing_only=existing_only)
        except Exception:  # noqa: BLE001 - a failed refresh must not kill the thread
            with self.app.app_context():
                app_services().view_metrics.refresh_failures.labels(part).inc()
            log.exception("refreshing the %s view of %s failed", part, person_id)
        finally:
            with self._lock:
                self._queued.discard((person_id, part))

    def wait_idle(self) -> None:
        """Block until every refresh queued so far has finished (tests, the CLI)."""
        self._executor.submit(lambda: None).result()

    def close(self) -> None:
        """Finish the refresh in progress, drop the queued ones."""
        with self._lock:
            self._closed = True
        self._executor.shutdown(wait=True, cancel_futures=True)

    # -- one refresh ------------------------------------------------------------------------

    def refresh(
        self, person_id: str, part: str, force: bool = False, existing_only: bool = False
    ) -> str:
        """Compute and save this part of the person's view if it is due (always with
        ``force``), nobody else is computing it, and (with ``existing_only``) it was computed
        before. Returns what happened: ``refreshed``, ``skipped`` (none of that, or no such
        person) or ``lease lost``."""
        with self.app.app_context():
            return self._refresh(person_id, part, force, existing_only)

    def _refresh(self, person_id: str, part: str, force: bool, existing_only: bool) -> str:
        db, settings, started_at = app_services().db, app_services().settings, now()
        lease = uuid.uuid4().hex
        claimed = db.write(
            "views.claim",
            1,
            person_id=person_id,
            part=part,
            lease=lease,
            create=not existing_only,
            now=started_at,
            lease_until=started_at + LEASE,
            due_before=(
                started_at + timedelta(days=1)
                if force
                else due_before(started_at, settings.view_max_age_s)
            ),
        )
        if not claimed:
            return "skipped"
        began = time.perf_counter()
        try:
            fields = db.read_tx(self._compute, person_id, COMPUTE[part], settings.view_size)
        except BaseException:
            db.write("views.release", 1, person_id=person_id, part=part, lease=lease)
            raise
        if fields is None:  # the person was deleted meanwhile
            db.write("views.release", 1, person_id=person_id, part=part, lease=lease)
            return "skipped"
        seconds = time.perf_counter() - began
        fields.update(computed_at=started_at, compute_ms=round(seconds * 1000))
        fields["bytes"] = payload_bytes(fields)
        saved = db.write(
            "views.save", 1, person_id=person_id, part=part, lease=lease, fields=fields
        )
        app_services().view_metrics.refresh_seconds.labels(part).observe(seconds)
        return "refreshed" if saved else "lease lost"

    def _compute(self, tx, person_id: str, compute, size: int) -> dict | None:
        """The part's properties, computed in this transaction after the person's version."""
        db = app_services().db
        version = run(tx, db.query("views.person_version", 1), person_id=person_id)
        if not version:
            return None
        return {"version": version[0]["version"], **compute(db, tx, person_id, size)}


def _second(db, tx, person_id: str, size: int) -> dict:
    """The best ``size`` 2nd connections, and whether that is all of them."""
    rows = run(
        tx,
        db.query("network.second_degree", 1),
        person_id=person_id,
        **NO_FILTERS,
        after_count=None,
        after_id=None,
        limit=size + 1,
        sample_size=MUTUAL_SAMPLE_SIZE,
    )
    return _ranked(rows, size, counts="mutual_count")


def _suggestions(db, tx, person_id: str, size: int) -> dict:
    """The best ``size`` suggestions, and whether that is all of them."""
    rows = run(
        tx,
        db.query("network.suggestions", 1),
        person_id=person_id,
        weights=SCORE_WEIGHTS,
        pool_size=SUGGESTION_POOL_SIZE,
        after_score=None,
        after_id=None,
        limit=size + 1,
        sample_size=MUTUAL_SAMPLE_SIZE,
    )
    return _ranked(
        rows, size, scores="score", mutual_counts="mutual_count", recommended_by="recommended_by"
    )


def _ranked(rows: list[dict], size: int, **columns: str) -> dict:
    """The first ``size`` of ``size + 1`` ranked rows as a view part: their ids, mutual
    samples and the named columns (part field -> row key), and whether that is all of them."""
    kept = rows[:size]
    return {
        "sample_size": MUTUAL_SAMPLE_SIZE,
        "complete": len(rows) <= size,
        "ids": [row["id"] for row in kept],
        **{field: [row[key] for row in kept] for field, key in columns.items()},
        "samples": _flat_samples(kept),
    }


def _counts(db, tx, person_id: str, size: int) -> dict:
    """How many people are 1, 2 and 3 hops away."""
    counts = run(tx, db.query("network.network_counts", 1), person_id=person_id)[0]
    return {key: counts[key] for key in ("first", "second", "third")}


# The parts of a view; each is computed, leased and served on its own (see views.py).
COMPUTE = {"second": _second, "suggestions": _suggestions, "counts": _counts}


def _flat_samples(rows: list[dict]) -> list[str]:
    """Each row's mutual sample as MUTUAL_SAMPLE_SIZE ids, padded with '' (no person has
    that id), one after the other: Neo4j stores lists of plain values only."""
    flat = []
    for row in rows:
        ids = [mutual["id"] for mutual in row["mutual_sample"]][:MUTUAL_SAMPLE_SIZE]
        flat += ids + [""] * (MUTUAL_SAMPLE_SIZE - len(ids))
    return flat


def payload_bytes(fields: dict) -> int:
    """What a view's values take: UTF-8 text, 8 bytes a number (the store's own overhead
    comes on top; bench/views.py measures that)."""

    def size(value) -> int:
        if isinstance(value, str):
            return len(value.encode("utf-8"))
        if isinstance(value, list):
            return sum(map(size, value))
        return 8

    return sum(size(value) for value in fields.values())
