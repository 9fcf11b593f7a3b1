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
from backend.db import run
from backend.network.views import Change, changed, linked
from backend.notifications.outbox import notify

# Pairs connected per transaction: a connection is a handful of statements (the pair's lock
# and state, the connection, the notice, the views' delta).
CONNECT_CHUNK = 3


@dataclass(frozen=True)
class Match:
    """A contact of ``lister_id`` that names ``member_id`` since now."""

    lister_id: str
    member_id: str
    connected_on: date | None  # the lister's row's Connected On


def settle(tx, matches: list[Match]) -> dict:
    """In the transaction that wrote the matches: suggest the one-sided ones (in both
    people's views). Returns ``{suggestions_added, already_connected, mutual}``: mutual, the
    matches whose member listed the lister too, for :func:`connect_mutual` once this
    transaction has committed (a connection costs several statements: a few at a time each
    in a transaction of their own keep every transaction short, whatever the export holds).

    Both people are locked before the other's contacts are read: of two imports listing each
    other at the same instant, the second to take the lock sees the first's contacts."""
    if not matches:
        return {"suggestions_added": 0, "already_connected": 0, "mutual": []}
    rows = [row for row in _listed_back(tx, matches) if not row["blocked"]]
    by_pair = {(m.lister_id, m.member_id): m for m in matches}
    one_sided = [
        (r["lister"], r["member"]) for r in rows if not r["connected"] and not r["back_dates"]
    ]
    linked(tx, one_sided)
    return {
        "suggestions_added": len(one_sided),
        "already_connected": sum(1 for r in rows if r["connected"]),
        "mutual": [
            by_pair[(r["lister"], r["member"])]
            for r in rows
            if not r["connected"] and r["back_dates"]
        ],
    }


def connect_mutual(matches: list[Match], actor_id: str) -> list[tuple[str, str]]:
    """Connect the pairs who listed each other, ``CONNECT_CHUNK`` pairs per transaction, each
    checked again under the pair's lock; the other one than ``actor_id`` (who made the
    matches) is told. Returns the pairs connected."""
    db = app_services().db
    connected = []
    for start in range(0, len(matches), CONNECT_CHUNK):
        chunk = matches[start : start + CONNECT_CHUNK]
        connected += db.write_tx(_connect_chunk, chunk, actor_id)
    return connected


def _connect_chunk(tx, matches: list[Match], actor_id: str) -> list[tuple[str, str]]:
    dates = {(m.lister_id, m.member_id): m.connected_on for m in matches}
    connected = []
    for row in _listed_back(tx, matches):
        pair = (row["lister"], row["member"])
        if not (row["connected"] or row["blocked"]) and row["back_dates"]:
            if _connect(tx, pair, [dates[pair], *row["back_dates"]], actor_id):
                connected.append(pair)
    return connected


def _listed_back(tx, matches: list[Match]) -> list[dict]:
    """Both people of each match locked, then whether they are connected and whether the
    member listed the lister too."""
    db = app_services().db
    people = sorted({m.lister_id for m in matches} | {m.member_id for m in matches})
    run(tx, db.query("connections.lock_pair", 1), person_ids=people)
    pairs = sorted({(m.lister_id, m.member_id) for m in matches})
    return run(tx, db.query("imports.listed_back", 2), pairs=[list(pair) for pair in pairs])


def _connect(tx, pair: tuple[str, str], dates: list, actor_id: str) -> bool:
    """The two listed each other: one connection, since the earlier Connected On. The pair
    is locked and was found neither connected nor blocked in this transaction (two imports
    racing make one; a block or a connection made meanwhile wins)."""
    a, b = pair
    known = [_day(d) for d in dates if d is not None]
    since = _midnight(min(known)) if known else now()
    db = app_services().db
    if not run(tx, db.query("imports.connect", 1), person_id=a, other_id=b, since=since):
        return False
    other = b if actor_id == a else a
    notify(tx, "linkedin.connected", other, actor_id, {"person_id": actor_id})
    changed(tx, Change.CONNECTED, a, b)  # after: its deltas read the connection
    return True


def _day(value) -> date:
    """A date from Python or from the driver (neo4j.time.Date)."""
    return value.to_native() if hasattr(value, "to_native") else value


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
