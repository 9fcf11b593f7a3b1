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
from backend.network import views
from backend.notifications.outbox import notify_all


@dataclass(frozen=True)
class Match:
    """A contact of ``lister_id`` that names ``member_id`` since now."""

    lister_id: str
    member_id: str
    connected_on: date | None  # the lister's row's Connected On


def settle(tx, matches: list[Match], actor_id: str) -> dict:
    """In the transaction that wrote the matches: suggest the one-sided ones (in both
    people's views) and connect the mutual ones; of each pair connected, the other one than
    ``actor_id`` (who made the matches) is told. Returns ``{suggestions_added,
    already_connected, connected}``, connected the pairs connected.

    A handful of statements for all the matches, whatever their number (the locks, the state
    of every pair, the connections, the notices, the views' deltas: at most
    ``views.EXACT_PAIRS`` pairs with a view part get one of their own), and the connections
    commit with the contacts that made them: an import cut short leaves no mutual listing
    unconnected. Both people are locked before the other's contacts are read: of two imports
    listing each other at the same instant, the second to take the lock sees the first's
    contacts (and the connection it made)."""
    if not matches:
        return {"suggestions_added": 0, "already_connected": 0, "connected": []}
    rows = [row for row in _listed_back(tx, matches) if not row["blocked"]]
    one_sided = [
        (r["lister"], r["member"]) for r in rows if not r["connected"] and not r["back_dates"]
    ]
    views.linked(tx, one_sided)
    dates = {(m.lister_id, m.member_id): m.connected_on for m in matches}
    mutual = [r for r in rows if not r["connected"] and r["back_dates"]]
    return {
        "suggestions_added": len(one_sided),
        "already_connected": sum(1 for r in rows if r["connected"]),
        "connected": _connect(tx, mutual, dates, actor_id),
    }


def _listed_back(tx, matches: list[Match]) -> list[dict]:
    """Both people of each match locked, then whether they are connected and whether the
    member listed the lister too."""
    db = app_services().db
    people = sorted({m.lister_id for m in matches} | {m.member_id for m in matches})
    run(tx, db.query("connections.lock_pair", 1), person_ids=people)
    pairs = sorted({(m.lister_id, m.member_id) for m in matches})
    return run(tx, db.query("imports.listed_back", 3), pairs=[list(pair) for pair in pairs])


def _connect(tx, mutual: list[dict], dates: dict, actor_id: str) -> list[tuple[str, str]]:
    """The pairs who listed each other (imports.listed_back's rows, found neither connected
    nor blocked under their locks), connected, ``since`` the earlier Connected On; the pair
    key is unique, so a pair listed both ways in one call is connected once."""
    since, seen = {}, set()
    for row in mutual:
        pair = (row["lister"], row["member"])
        if frozenset(pair) not in seen:
            seen.add(frozenset(pair))
            since[pair] = _since([dates[pair], *row["back_dates"]])
    if not since:
        return []
    db = app_services().db

    def connect(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
        rows = [{"person_id": a, "other_id": b, "since": since[(a, b)]} for a, b in pairs]
        made = run(tx, db.query("imports.connect_pairs", 1), pairs=rows)
        return [(row["person_id"], row["other_id"]) for row in made]

    connected = views.connect_all(tx, list(since), connect)
    others = [b if actor_id == a else a for a, b in connected]
    notify_all(tx, "linkedin.connected", others, actor_id, {"person_id": actor_id})
    return connected


def _since(dates: list) -> datetime:
    """The earlier Connected On of the two listings (now when neither has one)."""
    known = [_day(d) for d in dates if d is not None]
    return _midnight(min(known)) if known else now()


def _day(value) -> date:
    """A date from Python or from the driver (neo4j.time.Date)."""
    return value.to_native() if hasattr(value, "to_native") else value


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)
