"""The periodic part of the inbox, run by the delivery worker (``mutuals webhooks deliver``):
notices of introductions expiring in 3 days or expired (expiry itself has no job: it is
computed on read, see backend/intros/state.py), and pruning old notifications.

Each notice exists once per recipient and stage whatever the number of workers sweeping at
once: its dedup key (notifications.create merges on it) names the stage, the introduction's
last action and the recipient.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from backend.db import Database, run
from backend.intros.state import OPEN_STATES, expires_at, expires_before
from backend.notifications.outbox import notify

EXPIRING_NOTICE = timedelta(days=3)
BATCH = 500


def sweep(db: Database, at: datetime) -> dict:
    """One pass: expiry notices, then pruning. Returns what it did, for the worker's log."""
    return {"expiry_notices": expiry_notices(db, at), "pruned": prune(db, at)}


def expiry_notices(db: Database, at: datetime) -> int:
    """Tell the parties of each open introduction once that it expires in 3 days, and once
    that it expired; returns how many introductions were noticed."""
    days = db.settings.intro_expiry_days
    expired_before = expires_before(at, days)

    def work(tx):
        rows = run(
            tx,
            db.query("notifications.expiry_due", 1),
            open_states=list(OPEN_STATES),
            expiring_before=expired_before + EXPIRING_NOTICE,
            expired_before=expired_before,
            limit=BATCH,
        )
        for row in rows:
            ends = expires_at(row["updated_at"].to_native(), days)
            data = {"introduction_id": row["id"]}
            data["expired_at" if row["notice"] == "expired" else "expires_at"] = ends
            for party in row["parties"]:
                notify(
                    tx,
                    db,
                    f"introduction.{row['notice']}",
                    party,
                    None,
                    at,
                    data,
                    dedup_key=f"{row['stage']}|{row['id']}|{party}",
                )
            run(
                tx,
                db.query("notifications.mark_expiry_noticed", 1),
                intro_id=row["id"],
                stage=row["stage"],
            )
        return len(rows)

    total = 0
    while (done := db.write_tx(work)) > 0:
        total += done
        if done < BATCH:
            break
    return total


def prune(db: Database, at: datetime) -> int:
    """Delete notifications (and finished deliveries) older than MUTUALS_NOTIFICATION_DAYS."""
    before = at - timedelta(days=db.settings.notification_days)
    total = 0
    while True:
        deleted = db.write("notifications.prune", 1, before=before, limit=BATCH * 2)[0]["deleted"]
        total += deleted
        if deleted < BATCH * 2:
            return total
