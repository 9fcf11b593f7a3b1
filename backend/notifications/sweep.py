"""Pruning the inbox, run periodically by the delivery worker (``mutuals webhooks
deliver``) beside the introductions' expiry notices (backend/intros/notices.py)."""

from __future__ import annotations

from datetime import timedelta

from backend.app_services import app_services, now

BATCH = 1000


def prune() -> int:
    """Delete notifications (and finished deliveries) older than MUTUALS_NOTIFICATION_DAYS."""
    state = app_services()
    before = now() - timedelta(days=state.settings.notification_days)
    total = 0
    while True:
        deleted = state.db.write("notifications.prune", 1, before=before, limit=BATCH)[0]["deleted"]
        total += deleted
        if deleted < BATCH:
            return total
