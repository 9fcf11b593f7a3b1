"""Blocking: hides two people from each other and ends what was between them.

A block removes the connection, the requests (both ways), the closeness ratings and the open
introductions both are parties to. Unblocking removes only the block: nothing comes back.
Blocking someone who already blocked you is allowed (each block is its owner's).
"""

from __future__ import annotations

from functools import partial

from backend.app_services import app_services, now
from backend.connections.pair import locked_state
from backend.db import run
from backend.errors import NotFound, Unprocessable
from backend.network.views import Change, changed
from backend.pagination import newest_first, person_id_of

# Introductions still in progress; finished ones (accepted, declined, ...) stay as history.
OPEN_INTRO_STATES = ("requested", "introduced")


def block(person_id: str, other_id: str) -> None:
    if person_id == other_id:
        raise Unprocessable("person_id", "You cannot block yourself.")
    db, at = app_services().db, now()

    def work(tx):
        state = locked_state(tx, person_id, other_id)
        if state is None:
            raise NotFound("No such person.")
        run(
            tx,
            db.query("connections.block", 1),
            person_id=person_id,
            other_id=other_id,
            open_intro_states=list(OPEN_INTRO_STATES),
            now=at,
        )
        run(tx, db.query("notifications.forget_pair", 1), person_id=person_id, other_id=other_id)
        changed(tx, Change.BLOCKED, person_id, other_id, were_connected=state["connected"])

    db.write_tx(work)


def unblock(person_id: str, other_id: str) -> None:
    db = app_services().db

    def work(tx):
        if not run(tx, db.query("connections.unblock", 1), person_id=person_id, other_id=other_id)[
            0
        ]["unblocked"]:
            raise NotFound("You have not blocked this person.")
        changed(tx, Change.UNBLOCKED, person_id, other_id)

    db.write_tx(work)


def blocked_by(person_id: str, *, limit: int, cursor: str | None) -> dict:
    """The people ``person_id`` blocked, most recent first."""
    read = partial(app_services().db.read, "connections.list_blocks", 1, person_id=person_id)
    return newest_first(read, limit, cursor, person_id_of)
