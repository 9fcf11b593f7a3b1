"""Writing a notification inside the transaction of the event it reports.

Call :func:`notify` from the event's own transaction function: the notification (and the
webhook deliveries it queues) commit with the event or not at all. Nothing is written when
the recipient is the actor, a block stands between them, or notifications are off
(``MUTUALS_NOTIFICATIONS=0``).
"""

from __future__ import annotations

import json
import uuid
from datetime import date

from backend.app_services import app_services, now
from backend.db import run
from backend.notifications.kinds import KINDS


def notify(
    tx,
    kind: str,
    recipient_id: str,
    actor_id: str | None,
    data: dict,
    dedup_key: str | None = None,
) -> bool:
    """Notify ``recipient_id`` of ``kind``, now; with ``dedup_key``, at most once per key.
    Returns whether a notification was written."""
    state = _sending(kind)
    if state is None or recipient_id == actor_id:
        return False
    notification_id = uuid.uuid4().hex
    return bool(
        run(
            tx,
            state.db.query("notifications.create", 1),
            id=notification_id,
            key=dedup_key or notification_id,
            kind=kind,
            recipient_id=recipient_id,
            actor_id=actor_id,
            data=_json(data),
            now=now(),
        )
    )


def notify_all(tx, kind: str, recipient_ids, actor_id: str | None, data: dict) -> None:
    """:func:`notify` once per recipient (never the actor), in one statement whatever their
    number (a LinkedIn import tells hundreds of people at once)."""
    state = _sending(kind)
    recipients = [r for r in dict.fromkeys(recipient_ids) if r != actor_id]
    if state is None or not recipients:
        return
    run(
        tx,
        state.db.query("notifications.create_many", 1),
        rows=[{"id": uuid.uuid4().hex, "recipient_id": r} for r in recipients],
        kind=kind,
        actor_id=actor_id,
        data=_json(data),
        now=now(),
    )


def _sending(kind: str):
    """The app's services when notifications are on; None when they are off."""
    if kind not in KINDS:
        raise ValueError(f"unknown notification kind {kind!r}")
    state = app_services()
    return state if state.settings.notifications else None


def _json(data: dict) -> str:
    return json.dumps(data, default=json_default, separators=(",", ":"))


def json_default(value):
    """Dates and datetimes (Python or neo4j.time) as ISO 8601 text."""
    if hasattr(value, "to_native"):
        value = value.to_native()
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {value!r}")
