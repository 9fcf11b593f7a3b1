"""Who hears of what happens to an introduction; each function runs inside the transaction
that makes the change (see backend/intros/service.py)."""

from __future__ import annotations

from datetime import datetime

from backend.db import Database
from backend.intros.state import Action, Facts
from backend.notifications.outbox import notify, notify_all


def requested(
    tx, db: Database, at: datetime, intro_id: str, requester_id: str, broker_id: str, target_id: str
) -> None:
    """The broker is asked; the target hears nothing until the broker forwards it."""
    notify(
        tx,
        db,
        "introduction.requested",
        broker_id,
        requester_id,
        at,
        {"introduction_id": intro_id, "target_id": target_id},
    )


def introduced(tx, db: Database, at: datetime, intro_id: str, broker_id: str, side_ids) -> None:
    """A broker forwarded a request, or introduced two of their connections: the side(s)
    who now have to answer."""
    notify_all(
        tx, db, "introduction.forwarded", side_ids, broker_id, at, {"introduction_id": intro_id}
    )


def acted(
    tx, db: Database, at: datetime, facts: Facts, action: Action, actor_id: str, state: str
) -> None:
    """After ``action`` by ``actor_id`` left the introduction in ``state``."""
    if action is Action.FORWARD:
        targets = [side.person_id for side in facts.sides if side.role == "target"]
        introduced(tx, db, at, facts.id, actor_id, targets)
        return
    kind = {
        Action.ACCEPT: "introduction.accepted",
        Action.DECLINE: "introduction.declined",
    }.get(action)
    if kind is None:
        return  # a withdrawal tells nobody: it was the withdrawer's own request
    others = [
        person_id
        for person_id in (facts.broker_id, *(side.person_id for side in facts.sides))
        if person_id != actor_id and facts.visible_to(person_id)
    ]
    data = {"introduction_id": facts.id}
    if action is Action.ACCEPT:
        data["state"] = state
    notify_all(tx, db, kind, others, actor_id, at, data)


def follow_up(
    tx, db: Database, at: datetime, facts: Facts, person_id: str, follow_up: dict
) -> None:
    """The other side hears of a call, coffee or meeting proposed."""
    notify(
        tx,
        db,
        "introduction.follow_up",
        facts.other_side(person_id).person_id,
        person_id,
        at,
        {
            "introduction_id": facts.id,
            "follow_up_id": follow_up["id"],
            "follow_up_kind": follow_up["kind"],
            "at": follow_up.get("at"),
        },
    )
