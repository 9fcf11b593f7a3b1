"""Computing network views (see :mod:`backend.network.views`) off the request path, and
the neighbours' deltas (:mod:`backend.network.deltas`).

Each process has one background thread for refreshes: a refresh reads a person's whole 2-hop
(second, suggestions) or 3-hop (counts) neighbourhood, and more threads would only take
Neo4j's cores from the requests. A part is queued at most once per process; across processes
and machines the lease of ``views.claim`` lets one refresh of a part run at a time, and a
lease left by a crash expires. A second thread applies the neighbours' deltas: it takes every
change waiting (up to DELTA_BATCH_EVENTS) and applies them together, each view part they move
updated once (deltas.apply_to_neighbours), so that the more changes wait, the less each costs.
At most MAX_PENDING_DELTAS wait: past that a change is dropped (counted in /metrics) and the
views it would have moved catch up within the max age, as before deltas. A batch that fails
(Neo4j away for a moment, a lock held past the background bound) is tried again after a pause,
then change by change, so that one change that cannot be applied costs no other its delta;
only what still fails is dropped.

A part is computed by its live query (parts.py) in one read transaction, after reading the
person's ``network_version`` and the part's count of deltas, and written by ``views.save`` in
one write transaction: a reader sees the old part or the new one; a change committed while
computing leaves the new part outdated (never served) rather than wrong; deltas applied
meanwhile log what they recompute, and the save replays them on the compute in its own
transaction (deltas.replay), or, when one logged nothing replayable, computes again.
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
from backend.network import deltas
from backend.network.parts import COUNTS, MUTUAL_SAMPLE_SIZE, PARTS, SECOND, Part
from backend.network.views import due_before

log = logging.getLogger(__name__)

# Longer than any refresh takes (a 17k-connection person: seconds); a crashed refresher's
# lease lets the next one in after this.
LEASE = timedelta(minutes=5)
NO_FILTERS = dict(
    location=None, industry=None, profession=None, skill=None, organization=None, title=None
)
# Changes waiting for their neighbours' delta in one process (each is a few queries).
MAX_PENDING_DELTAS = 10_000
# Changes whose neighbours' deltas are applied together: their holders are read at once, and
# the view parts they move updated NEIGHBOUR_BATCH a transaction.
DELTA_BATCH_EVENTS = 500
# A refresh whose save a delta overtook without a replayable log computes again, this many
# times at most.
SAVE_ATTEMPTS = 3
# Pauses before a failed neighbours' delta is tried again: a moment's outage or lock wait
# ends within them, and the changes waiting meanwhile join the next batch.
DELTA_RETRY_PAUSES_S = (1.0, 5.0)


class ViewRefresher:
    def __init__(self, app: Flask):
        # Refreshes and deltas run in this app's context, on a background thread or the caller's.
        self.app = app
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="network-views")
        self._queued: set[tuple[str, str]] = set()
        self._lock = threading.Lock()
        # The neighbours' deltas: changes waiting (with when they were queued), and whether
        # the thread is applying some; _changed wakes it and wait_idle.
        self._pending: list[tuple[deltas.Event, float]] = []
        self._applying = False
        self._changed = threading.Condition(self._lock)
        self._closed = False
        self._deltas = threading.Thread(target=self._apply_pending, name="view-deltas", daemon=True)
        self._deltas.start()

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

    def apply_to_neighbours(self, event: deltas.Event) -> None:
        """Apply this committed change to the views of the two people's connections soon."""
        if not event.change.moves_neighbours:
            return
        with self._changed:
            if self._closed:
                return
            if len(self._pending) >= MAX_PENDING_DELTAS:
                app_services().view_metrics.deltas_dropped.inc()
                return
            self._pending.append((event, time.perf_counter()))
            app_services().view_metrics.pending.set(len(self._pending))
            self._changed.notify_all()

    def _apply_pending(self) -> None:
        """The deltas thread: apply what waits, batch after batch, until closed."""
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._pending or self._closed)
                if self._closed:
                    return
                batch = self._pending[:DELTA_BATCH_EVENTS]
                del self._pending[:DELTA_BATCH_EVENTS]
                self._applying = True
            try:
                self._apply(batch)
            finally:
                with self._changed:
                    self._applying = False
                    self._changed.notify_all()

    def _apply(self, batch: list[tuple[deltas.Event, float]]) -> None:
        """Apply a batch; when it fails, again after each pause, then change by change (not
        during an outage, when each would fail at once); count what is dropped."""
        with self.app.app_context():
            state = app_services()
            try:
                for pause in (*DELTA_RETRY_PAUSES_S, None):
                    if self._applied(state, batch):
                        return
                    if pause is None or not self._paused(pause):
                        break
                if len(batch) > 1 and not self._closed and not state.db.outage.down:
                    batch = [item for item in batch if not self._applied(state, [item])]
                if batch:
                    state.view_metrics.deltas_dropped.inc(len(batch))
                    log.error("dropped the neighbours' delta of %d changes", len(batch))
            finally:
                with self._lock:
                    state.view_metrics.pending.set(len(self._pending))

    def _applied(self, state, batch: list[tuple[deltas.Event, float]]) -> bool:
        metrics, began = state.view_metrics, time.perf_counter()
        try:
            deltas.apply_to_neighbours(
                state.db, state.settings.view_size, [event for event, _ in batch]
            )
        except Exception:  # noqa: BLE001 - a failed delta must not kill the thread
            metrics.delta_failures.inc()
            log.exception("the neighbours' delta of %d changes failed", len(batch))
            return False
        done = time.perf_counter()
        metrics.delta_seconds.observe(done - began)
        for _, queued_at in batch:
            metrics.delta_lag_seconds.observe(done - queued_at)
        return True

    def _paused(self, seconds: float) -> bool:
        """Wait ``seconds`` unless closed meanwhile; whether to go on."""
        with self._changed:
            return not self._changed.wait_for(lambda: self._closed, timeout=seconds)

    def wait_idle(self) -> None:
        """Block until every delta and refresh queued so far has finished (tests, the CLI)."""
        with self._changed:
            self._changed.wait_for(lambda: self._closed or not (self._pending or self._applying))
        self._executor.submit(lambda: None).result()

    def close(self) -> None:
        """Finish the deltas and the refresh in progress, drop the queued ones."""
        with self._changed:
            self._closed = True
            self._changed.notify_all()
        self._deltas.join()
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
            2,
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
        for _ in range(SAVE_ATTEMPTS):
            began = time.perf_counter()
            try:
                fields = db.read_tx(self._compute, person_id, PARTS[part], settings.view_size)
            except BaseException:
                db.write("views.release", 1, person_id=person_id, part=part, lease=lease)
                raise
            if fields is None:  # the person was deleted meanwhile
                break
            seconds = time.perf_counter() - began
            changes = fields.pop("changes")
            fields.update(computed_at=started_at, compute_ms=round(seconds * 1000))
            fields["bytes"] = payload_bytes(fields)
            saved = db.write_tx(self._save, person_id, PARTS[part], lease, changes, fields)
            app_services().view_metrics.refresh_seconds.labels(part).observe(seconds)
            if not saved:
                return "lease lost"
            if saved[0]["saved"]:
                return "refreshed"
        db.write("views.release", 1, person_id=person_id, part=part, lease=lease)
        return "skipped"

    def _save(self, tx, person_id: str, part: Part, lease: str, changes: int, fields: dict):
        """Write the computed part (views.save); when deltas overtook the compute and logged
        what they did, replay them on it in this transaction, so the compute is kept."""
        state = app_services()
        saved = run(
            tx,
            state.db.query("views.save", 4),
            person_id=person_id,
            part=part.name,
            lease=lease,
            changes=changes,
            replayable=part.ranked,
            fields=fields,
        )
        if saved and saved[0]["replay"] is not None:
            deltas.replay(
                tx, state.db, state.settings.view_size, part, person_id, saved[0]["replay"]
            )
        return saved

    def _compute(self, tx, person_id: str, part: Part, size: int) -> dict | None:
        """The part's properties, computed in this transaction after the person's version
        and the part's count of deltas."""
        db = app_services().db
        state = run(tx, db.query("views.person_version", 2), person_id=person_id, part=part.name)
        if not state:
            return None
        compute = _counts if part is COUNTS else _ranked
        return {**state[0], **compute(db, tx, part, person_id, size)}


def _ranked(db, tx, part: Part, person_id: str, size: int) -> dict:
    """The best ``size`` entries of a ranked part (its live query, unfiltered) and its floor:
    the first entry left out, or below everything (-1) when none is."""
    rows = run(
        tx,
        db.query(*part.live_query),
        person_id=person_id,
        **(NO_FILTERS if part is SECOND else {}),
        **dict(zip(part.order.params, part.order.first, strict=True)),
        limit=size + 1,
        **part.params(),
    )
    kept = rows[:size]
    floor = rows[size] if len(rows) > size else None
    return {
        "sample_size": MUTUAL_SAMPLE_SIZE,
        "ids": [row["id"] for row in kept],
        "keys": [row[part.sort_key] for row in kept],
        "mutual_counts": [row["mutual_count"] for row in kept],
        "recommended_by": [row.get("recommended_by", 0) for row in kept],
        "samples": _flat_samples(kept),
        "floor_key": floor[part.sort_key] if floor else -1,
        "floor_id": floor["id"] if floor else "",
    }


def _counts(db, tx, part: Part, person_id: str, size: int) -> dict:
    """How many people are 1, 2 and 3 hops away."""
    counts = run(tx, db.query(*part.live_query), person_id=person_id)[0]
    return {key: counts[key] for key in ("first", "second", "third")}


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
