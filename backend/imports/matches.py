"""What a LinkedIn match leads to, by consent (docs/import-linkedin.md): the rule is the same
whether the match is made by an import (the importer's row names a member) or by a member
who joins later (someone's row names them once they add their URL or address).

- Both listed each other: they are connected at once, ``since`` the earlier Connected On.
- Only one did: a suggestion, with the reason ``linkedin_contact``, for both (the score's
  ``linkedin`` term puts it at the top); nothing is sent to anyone.
- Already connected, or a block either way (those never match at all): nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from backend.app_services import app_services, now
from backend.connections.pair import locked_state
from backend.db import run
from backend.network.views import Change, changed, linked
from backend.notifications.outbox import notify


@dataclass(frozen=True)
class Match:
    """A contact of ``lister_id`` that names ``member_id`` since now."""

    lister_id: str
    member_id: str
    connected_on: date | None  # the lister's row's Connected On


def settle(tx, matches: list[Match], actor_id: str) -> dict:
    """Connect the mutual listings (the other one than ``actor_id``, who made the matches, is
    told), suggest the one-sided ones (in both people's views), in ``tx``, after the contacts
    are written. Returns ``{connections_made, suggestions_added, already_connected,
    connected}`` (connected: the pairs connected now).

    Both people are locked before the other's contacts are read: of two imports listing each
    other at the same instant, the second to take the lock sees the first's contacts."""
    if not matches:
        return {
            "connections_made": 0,
            "suggestions_added": 0,
            "already_connected": 0,
            "connected": [],
        }
    db = app_services().db
    people = sorted({m.lister_id for m in matches} | {m.member_id for m in matches})
    run(tx, db.query("connections.lock_pair", 1), person_ids=people)
    dates = {(m.lister_id, m.member_id): m.connected_on for m in matches}
    rows = run(tx, db.query("imports.listed_back", 1), pairs=[list(pair) for pair in dates])
    already = 0
    one_sided, connected = [], []
    for row in rows:
        pair = (row["lister"], row["member"])
        if row["connected"]:
            already += 1
        elif row["back_dates"]:
            if _connect(tx, pair, [dates[pair], *row["back_dates"]], actor_id):
                connected.append(pair)
        else:
            one_sided.append(pair)
    linked(tx, one_sided)
    return {
        "connections_made": len(connected),
        "suggestions_added": len(one_sided),
        "already_connected": already,
        "connected": connected,
    }


def _connect(tx, pair: tuple[str, str], dates: list, actor_id: str) -> bool:
    """The two listed each other: one connection, since the earlier Connected On, under the
    pair's lock (two imports racing make one; a block or a connection made meanwhile wins)."""
    a, b = pair
    state = locked_state(tx, a, b)
    if state is None or state["blocked"] or state["connected"]:
        return False
    known = [_day(d) for d in dates if d is not None]
    since = _midnight(min(known)) if known else now()
    db = app_services().db
    run(tx, db.query("imports.connect", 1), person_id=a, other_id=b, since=since)
    other = b if actor_id == a else a
    notify(tx, "linkedin.connected", other, actor_id, {"person_id": actor_id})
    changed(tx, Change.CONNECTED, a, b)  # after: its deltas read the connection
    return True


def _day(value) -> date:
    """A date from Python or from the driver (neo4j.time.Date)."""
    return value.to_native() if hasattr(value, "to_native") else value


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
