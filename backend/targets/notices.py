"""Telling job seekers when one of their connections starts a position at one of their target
companies: ``target.position_started``, written in the transaction that adds the position."""

from __future__ import annotations

from backend.app_services import app_services
from backend.db import run
from backend.notifications.outbox import notify


def position_started(tx, person_id: str, organization_id: str, position_id: str) -> None:
    """Notify each 1st connection of ``person_id`` who targets the organization, once per
    position (``notify`` skips blocks and the person themselves)."""
    watchers = run(
        tx,
        app_services().db.query("targets.watchers", 1),
        person_id=person_id,
        organization_id=organization_id,
    )
    data = {"person_id": person_id, "organization_id": organization_id, "position_id": position_id}
    for row in watchers:
        notify(
            tx,
            "target.position_started",
            row["id"],
            person_id,
            data,
            dedup_key=f"target|{position_id}|{row['id']}",
        )
