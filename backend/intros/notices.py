"""Who hears of what happens to an introduction. Each function but the last runs inside the
transaction that makes the change (see backend/intros/service.py); :func:`expiry_notices` is
run periodically by the delivery worker (``mutuals webhooks deliver``): expiry itself has no
job, it is computed on read (backend/intros/state.py).

Each expiry notice exists once per recipient and stage whatever the number of workers
sweeping at once: its dedup key (notifications.create merges on it) names the stage, the
introduction's last action and the recipient.
"""

from __future__ import annotations

from datetime import timedelta

from backend.app_services import app_services, now
from backend.db import run
from backend.intros.state import OPEN_STATES, Action, Facts, expires_at, expires_before
from backend.notifications.outbox import notify, notify_all

EXPIRING_NOTICE = timedelta(days=3)
BATCH = 500


def requested(tx, intro_id: str, requester_id: str, broker_id: str, target_id: str) -> None:
    """The broker is asked; the target hears nothing until the broker forwards it."""
    notify(
        tx,
        "introduction.requested",
        broker_id,
        requester_id,
        {"introduction_id": intro_id, "target_id": target_id},
    )


def introduced(tx, intro_id: str, broker_id: str, side_ids) -> None:
    """A broker forwarded a request, or introduced two of their connections: the side(s)
    who now have to answer."""
    notify_all(tx, "introduction.forwarded", side_ids, broker_id, {"introduction_id": intro_id})


def acted(tx, facts: Facts, action: Action, actor_id: str, state: str) -> None:
    """After ``action`` by ``actor_id`` left the introduction in ``state``."""
    if action is Action.FORWARD:
        targets = [side.person_id for side in facts.sides if side.role == "target"]
        introduced(tx, facts.id, actor_id, targets)
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
    notify_all(tx, kind, others, actor_id, data)


def follow_up(tx, facts: Facts, person_id: str, follow_up: dict) -> None:
    """The other side hears of a call, coffee or meeting proposed."""
    notify(
        tx,
        "introduction.follow_up",
        facts.other_side(person_id).person_id,
        person_id,
        {
            "introduction_id": facts.id,
            "follow_up_id": follow_up["id"],
            "follow_up_kind": follow_up["kind"],
            "at": follow_up.get("at"),
        },
    )


def expiry_notices() -> int:
    """Tell the parties of each open introduction once that it expires in 3 days, and once
    that it expired; returns how many introductions were noticed."""
    db, days = app_services().db, app_services().settings.intro_expiry_days
    expired_before = expires_before(now(), days)

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
                    f"introduction.{row['notice']}",
                    party,
                    None,
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
