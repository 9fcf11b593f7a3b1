"""Sharing a target board with a coach, the coach's reads, and the seeker's log of them.

A seeker shares the board with 1st connections of theirs (``SHARES_BOARD``); a share can be
read while the two are still connected and no block stands between them, and until the seeker
revokes it. Every read by the coach is recorded first (a ``BoardRead`` in the seeker's log,
``GET /v1/me/targets/reads``), then answered: what a coach sees is the board as their own view
of connection lists would show it (``targets.board``'s header; docs/careers.md).
"""

from __future__ import annotations

import uuid
from functools import partial

from backend.app_services import app_services, now
from backend.db import run
from backend.errors import NotFound, Unprocessable
from backend.pagination import newest_first
from backend.targets import service


def share(person_id: str, coach_id: str) -> dict:
    """Share the board with a 1st connection (again: no change); 422 for anyone else."""
    if coach_id == person_id:
        raise Unprocessable("person_id", "Your board is yours already.")
    db = app_services().db

    def work(tx):
        service.lock(tx, person_id)
        rows = run(
            tx, db.query("targets.share", 1), person_id=person_id, coach_id=coach_id, now=now()
        )
        if not rows:
            raise Unprocessable("person_id", "Share your board with one of your 1st connections.")

    db.write_tx(work)
    return next(s for s in shares(person_id)["items"] if s["person"]["id"] == coach_id)


def revoke(person_id: str, coach_id: str) -> None:
    rows = app_services().db.write("targets.unshare", 1, person_id=person_id, coach_id=coach_id)
    if not rows[0]["revoked"]:
        raise NotFound("Your board is not shared with this person.")


def shares(person_id: str) -> dict:
    """Whom the board is shared with; ``active``: they can read it now."""
    return {"items": app_services().db.read("targets.shares", 1, person_id=person_id)}


def shared_with(coach_id: str) -> dict:
    """The boards shared with the caller that they can read now."""
    return {"items": app_services().db.read("targets.shared_with", 1, coach_id=coach_id)}


def read(viewer_id: str, seeker_id: str) -> dict:
    """A board: the caller's own, or one shared with them (the read is logged first). 404
    when it is not shared with them, or they are no longer connected."""
    if viewer_id != seeker_id:
        recorded = app_services().db.write(
            "targets.record_read",
            1,
            seeker_id=seeker_id,
            reader_id=viewer_id,
            id=uuid.uuid4().hex,
            now=now(),
        )
        if not recorded:
            raise NotFound("No board of this person is shared with you.")
    return {"items": service.board_seen_by(seeker_id, viewer_id)}


def reads(person_id: str, *, limit: int, cursor: str | None) -> dict:
    """Who read the caller's board, newest first."""
    read_page = partial(app_services().db.read, "targets.reads", 1, person_id=person_id)
    return newest_first(read_page, limit, cursor, id_of=lambda row: row["id"])
