"""Two people about to change how they stand: lock both, then read their state.

Every check-then-write on a pair (send, accept, ignore, withdraw, remove, rate, block) starts
with :func:`locked_state` inside its write transaction, so two such transactions on the same
pair run one after the other; the unique pair keys (V0002) are the last line of defence.
"""

from __future__ import annotations

from backend.app_services import app_services
from backend.db import run
from backend.errors import NotFound


def locked_state(tx, person_id: str, other_id: str) -> dict | None:
    """Lock both people (in id order), then the pair's state seen from ``person_id`` (see
    connections.pair_state); None when either person is missing."""
    db = app_services().db
    run(tx, db.query("connections.lock_pair", 1), person_ids=[person_id, other_id])
    rows = run(tx, db.query("connections.pair_state", 1), person_id=person_id, other_id=other_id)
    return rows[0] if rows else None


def visible_state(tx, person_id: str, other_id: str) -> dict:
    """:func:`locked_state`, with NotFound when the other is missing or a block stands
    between the two (a block hides each from the other, exactly like absence)."""
    state = locked_state(tx, person_id, other_id)
    if state is None or state["blocked"]:
        raise NotFound("No such person.")
    return state
