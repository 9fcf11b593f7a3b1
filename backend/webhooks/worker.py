"""The delivery worker behind ``mutuals webhooks deliver``.

It claims due deliveries from Neo4j with a lease (a token and an expiry on each, set in one
transaction after taking their locks, so two workers never claim the same attempt), then for
each in turn renews its lease (and counts the attempt) under the same token right before it
POSTs it signed, within ``MUTUALS_WEBHOOKS_DEADLINE_S`` in all, and records the attempt under
that token. A delivery whose lease ran out and that another worker claimed meanwhile is
skipped: it is that worker's to send, and no attempt is sent twice. A failure is retried with
exponential backoff and jitter until a day has passed since the delivery was queued (or
redelivered); ``webhooks_disable_after`` failures in a row disable the webhook and tell its
owner in the inbox. A worker that dies mid-attempt leaves a lease that expires: another
worker then sends the attempt again, with the same ``webhook-id`` (at-least-once).

Between claims it sweeps: introduction expiry notices (backend/intros/notices.py), pruning
of old notifications (backend/notifications/sweep.py) and of the per-address counters whose
window has ended (backend/address_limits.py).
"""

from __future__ import annotations

import functools
import json
import logging
import random
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask import Flask

from backend.app_services import app_services, now
from backend.db import run
from backend.errors import ServiceUnavailable
from backend.intros.notices import expiry_notices
from backend.notifications.outbox import json_default, notify
from backend.notifications.service import present
from backend.notifications.sweep import prune
from backend.webhooks import sender, signing

log = logging.getLogger(__name__)

LEASE = timedelta(seconds=60)
BATCH = 20
MAX_DELAY = timedelta(hours=6)
RETRY_WINDOW = timedelta(days=1)
SWEEP_EVERY_S = 60


def next_attempt_at(attempt: int, base_s: float, at: datetime, window_from: datetime):
    """When to try again after failed attempt number ``attempt``: base * 2^(attempt-1)
    seconds (at most 6 hours), times a random 0.5-1 (so that endpoints coming back are not
    hit by every delivery at once); None once that is past the day of retries."""
    delay = min(base_s * 2 ** (attempt - 1), MAX_DELAY.total_seconds())
    when = at + timedelta(seconds=delay * random.uniform(0.5, 1.0))
    return when if when <= window_from + RETRY_WINDOW else None


def body(notification: dict, actor: dict | None) -> str:
    """The JSON a receiver gets: Standard Webhooks' {type, timestamp, data}."""
    data = present(notification, actor)
    return json.dumps(
        {"type": data["kind"], "timestamp": data["created_at"], "data": data},
        default=json_default,
        separators=(",", ":"),
    )


def sweep() -> dict:
    """The periodic work between claims: introduction expiry notices, then pruning the
    inboxes and the ended per-address counters. Returns what it did, for the worker's log."""
    return {
        "expiry_notices": expiry_notices(),
        "pruned": prune(),
        "expired_counters": app_services().address_limits.prune_expired(),
    }


@dataclass
class Counts:
    delivered: int = 0
    failed: int = 0
    disabled: int = 0
    expiry_notices: int = 0
    pruned: int = 0
    expired_counters: int = 0

    def summary(self) -> str:
        return (
            f"webhooks: {self.delivered} delivered, {self.failed} failed attempts, "
            f"{self.disabled} webhooks disabled; {self.expiry_notices} expiry notices, "
            f"{self.pruned} old notifications pruned, {self.expired_counters} ended "
            "per-address counters pruned"
        )


def in_app_context(method):
    """Run a worker's step in its app's context (each step may be called on its own: the
    CLI's loop, a test), where ``app_services()`` and ``now()`` answer."""

    @functools.wraps(method)
    def step(self, *args, **kwargs):
        with self.app.app_context():
            return method(self, *args, **kwargs)

    return step


class Worker:
    def __init__(self, app: Flask, batch: int = BATCH, lease: timedelta = LEASE):
        """A worker of ``app``: its rounds run in the app's context, so the database, the
        settings and the clock are the app's, as for every service."""
        self.app = app
        with app.app_context():
            self.db, self.settings = app_services().db, app_services().settings
        self.batch = batch
        # A lease outlives the attempt it covers, whatever the deadline is set to.
        self.lease = max(lease, timedelta(seconds=2 * self.settings.webhooks_deadline_s))
        self.counts = Counts()
        self.stopping = threading.Event()

    # -- one round -------------------------------------------------------------------------

    @in_app_context
    def claim(self) -> tuple[str, list[dict]]:
        token, at = uuid.uuid4().hex, now()

        def work(tx):
            ids = [
                row["id"]
                for row in run(
                    tx, self.db.query("webhooks.claim_lock", 2), now=at, limit=self.batch
                )
            ]
            if not ids:
                return []
            return run(
                tx,
                self.db.query("webhooks.claim", 2),
                ids=ids,
                now=at,
                lease_until=at + self.lease,
                token=token,
            )

        return token, self.db.write_tx(work)

    @in_app_context
    def deliver_once(self) -> int:
        """Claim a batch and attempt each; returns how many were attempted."""
        token, claimed = self.claim()
        for delivery in claimed:
            self.attempt(token, delivery)
        return len(claimed)

    def start(self, token: str, delivery: dict) -> int | None:
        """This attempt's number, the delivery leased anew; None when the lease was lost."""
        rows = self.db.write(
            "webhooks.start_attempt",
            1,
            delivery_id=delivery["id"],
            token=token,
            lease_until=now() + self.lease,
        )
        return rows[0]["attempt"] if rows else None

    @in_app_context
    def attempt(self, token: str, delivery: dict) -> None:
        number = self.start(token, delivery)
        if number is None:
            log.info("delivery %s: claimed by another worker meanwhile; skipped", delivery["id"])
            return
        delivery = {**delivery, "attempt": number}
        at = now()
        notification = delivery["notification"]
        if notification is None:
            outcome = sender.Outcome("refused", None, "The notification no longer exists.", 0)
        else:
            payload = body(notification, delivery["actor"])
            webhook = delivery["webhook"]
            outcome = sender.post(
                webhook["url"],
                payload,
                signing.headers(webhook["secret"], delivery["id"], at, payload),
                self.settings.webhooks_allow_local,
                self.settings.webhooks_deadline_s,
            )
        self.record(token, delivery, at, outcome, retry=notification is not None)

    def record(self, token: str, delivery: dict, at: datetime, outcome, retry: bool) -> None:
        if outcome.delivered:
            state, next_at = "delivered", None
            self.counts.delivered += 1
        else:
            self.counts.failed += 1
            next_at = retry and next_attempt_at(
                delivery["attempt"],
                self.settings.webhooks_retry_base_s,
                at,
                delivery["window_from"].to_native(),
            )
            state = "pending" if next_at else "failed"
            next_at = next_at or None

        def work(tx):
            run(tx, self.db.query("webhooks.lock", 1), id=delivery["webhook"]["id"])
            rows = run(
                tx,
                self.db.query("webhooks.record_attempt", 1),
                delivery_id=delivery["id"],
                token=token,
                at=at,
                state=state,
                next_at=next_at,
                status_code=outcome.status_code,
                outcome=outcome.outcome,
                error=outcome.error,
                duration_ms=outcome.duration_ms,
                disable_after=self.settings.webhooks_disable_after,
            )
            if rows and rows[0]["disabled"]:
                notify(
                    tx,
                    "webhook.disabled",
                    rows[0]["owner_id"],
                    None,
                    {"webhook_id": rows[0]["webhook_id"], "url": rows[0]["url"]},
                )
            return rows

        # The attempt happened: keep trying to record it through a Neo4j outage, else the
        # lease expires and the same attempt is sent again.
        while True:
            try:
                rows = self.db.write_tx(work)
                break
            except ServiceUnavailable:
                if self.stopping.wait(1):
                    return
        if not rows:
            log.warning("delivery %s: lease lost before its attempt was recorded", delivery["id"])
        elif rows[0]["disabled"]:
            self.counts.disabled += 1

    @in_app_context
    def sweep(self) -> None:
        done = sweep()
        self.counts.expiry_notices += done["expiry_notices"]
        self.counts.pruned += done["pruned"]
        self.counts.expired_counters += done["expired_counters"]

    # -- the loop --------------------------------------------------------------------------

    def run(self, poll_s: float = 1.0, until_idle: bool = False) -> Counts:
        """Deliver until stopped (or, with ``until_idle``, until nothing is due)."""
        last_sweep = None
        while not self.stopping.is_set():
            try:
                if last_sweep is None or time.monotonic() - last_sweep >= SWEEP_EVERY_S:
                    self.sweep()
                    last_sweep = time.monotonic()
                if self.deliver_once():
                    continue
                if until_idle:
                    break
            except ServiceUnavailable as error:
                log.warning("Neo4j unavailable (%s); retrying", error.detail)
            self.stopping.wait(poll_s)
        return self.counts
