"""The inbox: a person's notifications, newest first, and marking them read."""

from __future__ import annotations

import json
from functools import partial

from backend.app_services import app_services, now
from backend.db import run
from backend.errors import NotFound
from backend.pagination import newest_first


def inbox(person_id: str, *, unread: bool, limit: int, cursor: str | None) -> dict:
    """A page of notifications and the count of unread ones (all of them, not the page's)."""
    db = app_services().db

    def work(tx):
        read = partial(
            run, tx, db.query("notifications.list", 1), person_id=person_id, unread_only=unread
        )
        result = newest_first(read, limit, cursor, lambda row: row["notification"]["id"])
        count = run(tx, db.query("notifications.unread_count", 1), person_id=person_id)[0]
        return result, count["unread"]

    result, unread_count = db.read_tx(work)
    result["items"] = [present(row["notification"], row["actor"]) for row in result["items"]]
    result["unread_count"] = unread_count
    return result


def present(notification: dict, actor: dict | None) -> dict:
    """A notification as the API shows it (NotificationSchema) and webhooks carry it."""
    return {
        "id": notification["id"],
        "kind": notification["kind"],
        "created_at": notification["created_at"].to_native(),
        "read_at": read_at.to_native() if (read_at := notification.get("read_at")) else None,
        "actor": actor,
        "data": json.loads(notification["data"]),
    }


def mark_read(person_id: str, *, up_to: str | None = None, ids: list[str] | None = None) -> dict:
    """Mark read the notifications listed, or ``up_to`` and every older one."""
    db, at = app_services().db, now()

    def work(tx):
        row = run(
            tx,
            db.query("notifications.mark_read", 1),
            person_id=person_id,
            up_to=up_to,
            ids=ids or [],
            now=at,
        )[0]
        if up_to is not None and not row["found"]:
            raise NotFound("No such notification (up_to).")
        unread = run(tx, db.query("notifications.unread_count", 1), person_id=person_id)[0]
        return {"marked": row["marked"], "unread_count": unread["unread"]}

    return db.write_tx(work)
