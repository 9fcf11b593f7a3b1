"""Keeping the ranked parts of network views (2nd connections, suggestions) exact by deltas.

A ranked part keeps a list of entries sorted best first and a *floor*: every candidate ranked
above the floor is in the list with its exact key (mutual count, score); below it the list may
miss people. Pages are served from the entries above the floor only (docs/views.md).

A change between A and B moves, in A's view, only the candidates reached through B (B's
connections, the people B recommended) and B itself. The delta asks the part's entries query
for those candidates' exact entries now (views.second_entries, views.suggestion_entries: a
pair-key index seek per mutual checked, never a 2-hop expansion) and merges them in
(views.merge). Candidates already in the list are always recomputed; for a new connection, the
ones not in the list are recomputed too while that costs at most OWN_DELTA_BUDGET seeks,
otherwise the floor rises by the most they can have gained. Entries are recomputed, never
incremented: applying a delta twice, or after a refresh that already saw the change, is
harmless.

- Own changes (:func:`apply_own`): in the write transaction, for both people; their parts move
  to the new ``network_version`` and stay servable.
- Neighbours (:func:`apply_to_neighbours`): after the response, in the background
  (refresher.py), for the views of A's and B's connections: B's (A's) entry, and when A's
  Adamic-Adar weight changed with their number of connections, the entries reached through A,
  with the floor raised by the weight's increase. One entries query per batch of views.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from enum import Enum

from backend.db import run
from backend.network.parts import PARTS, RANKED, SCORE_WEIGHTS, SECOND, SUGGESTIONS, Part

# Index seeks an own delta may spend, in the request's transaction, on candidates that a new
# connection brings and that are not in the view yet (a light person connecting to a hub).
OWN_DELTA_BUDGET = 20_000
# Views updated per transaction by a neighbours' delta.
NEIGHBOUR_BATCH = 200
# A floor above every key: no entry is known exact.
NOTHING_EXACT = 2**62


class Change(Enum):
    CONNECTED = "connected"
    DISCONNECTED = "disconnected"  # also a block between two connected people
    BLOCKED = "blocked"  # between two people not connected
    UNBLOCKED = "unblocked"
    REQUEST_WITHDRAWN = "request withdrawn"
    PROFILE_CHANGED = "profile changed"

    @property
    def moves_neighbours(self) -> bool:
        """Whether the views of the two people's connections change too."""
        return self in (Change.CONNECTED, Change.DISCONNECTED)


@dataclass(frozen=True)
class Event:
    """A committed change, for the neighbours' delta: who, and their numbers of connections
    right after it (their Adamic-Adar weights as mutuals)."""

    change: Change
    people: tuple[tuple[str, int], ...]


def adamic_adar(degree: int) -> int:
    """A mutual's points, as network.suggestions computes them (Cypher's round: half up)."""
    if degree <= 1:
        return 0
    return math.floor(SCORE_WEIGHTS["mutual"] / math.log(degree) + 0.5)


def cap(view_size: int) -> int:
    """Entries a ranked part keeps: room for deltas to add before the floor has to rise."""
    return 2 * view_size


# -- own changes, in the write transaction ----------------------------------------------------


def apply_own(
    tx, db, view_size: int, change: Change, groups: list[tuple[str, ...]]
) -> tuple[list[Event], list]:
    """Bump the people's ``network_version`` and bring their view parts along. ``groups``:
    the people of each change, one person or a pair (both people, each with the other); many
    pairs at once when one transaction makes many changes (a LinkedIn import's connections),
    each person's version moving once and their parts taking all their changes in at once.
    Returns the events for the neighbours' delta, one per group, and the (person, part) pairs
    that need a recompute in the background."""
    others: dict[str, list[str]] = {}
    for group in groups:
        for person in group:
            others.setdefault(person, []).extend(p for p in group if p != person)
    touched = {
        row["id"]: row for row in run(tx, db.query("views.touch", 2), person_ids=sorted(others))
    }
    parts: dict[str, list[dict]] = {}
    for row in run(tx, db.query("views.parts_of", 2), person_ids=sorted(touched)):
        parts.setdefault(row["person_id"], []).append(row)
    updates, recompute = [], []
    for me, rows in parts.items():
        new_version = touched[me]["version"]
        old_version = new_version - 1
        unchanged = []
        for row in rows:
            part = PARTS[row["part"]]
            if row["version"] != old_version:
                continue  # outdated before this change: its refresh is due anyway
            if change is Change.PROFILE_CHANGED:
                # Scores have profile terms: recompute. The 2nd connections and counts are
                # about connections only.
                if part is SUGGESTIONS:
                    recompute.append((me, part.name))
                else:
                    unchanged.append(part.name)
            elif part.ranked and others[me]:
                update = _own_update(tx, db, part, change, me, others[me], set(row["ids"]))
                updates.append({**update, "old_version": old_version, "new_version": new_version})
            # counts (3 hops): outdated, recomputed on their next read
        if unchanged:
            run(
                tx,
                db.query("views.sync_version", 1),
                person_id=me,
                parts=unchanged,
                old_version=old_version,
                new_version=new_version,
            )
    if updates:
        run(tx, db.query("views.merge", 1), updates=updates, cap=cap(view_size))
    return _events(change, groups, touched), recompute


def _events(change: Change, groups: list[tuple[str, ...]], touched: dict) -> list[Event]:
    """One event per group, with each person's number of connections right after that change:
    a person in several groups reaches their number now at their last one (the neighbours'
    deltas then see the same steps of their Adamic-Adar weight as one change a transaction)."""
    step = {Change.CONNECTED: 1, Change.DISCONNECTED: -1}.get(change, 0)
    still = Counter(p for group in groups for p in group)
    events = []
    for group in groups:
        people = []
        for person in group:
            still[person] -= 1
            if person in touched:
                people.append((person, touched[person]["degree"] - step * still[person]))
        events.append(Event(change, tuple(people)))
    return events


def _own_update(
    tx, db, part: Part, change: Change, me: str, others: list[str], listed: set[str]
) -> dict:
    """The merge of one ranked part of ``me``'s view after ``change`` with each of ``others``
    (all made in this transaction: the entries are computed after every one of them)."""
    exact, skipped = set(others), 0
    if change in (Change.CONNECTED, Change.DISCONNECTED):
        for other in others:
            [hood] = run(tx, db.query("views.neighbourhood", 1), person_id=me, other_id=other) or [
                {"degree": 0, "connections": [], "recommended": []}
            ]
            reached = {c["id"]: c["degree"] for c in hood["connections"]}
            recommended = hood["recommended"] if part is SUGGESTIONS else []
            exact |= (reached.keys() | set(recommended)) & listed
            if change is Change.CONNECTED:
                # Those not listed can only have gained; recompute them while it is cheap.
                outside = (reached.keys() | set(recommended)) - listed
                cost = sum(min(hood["degree"], reached.get(c, 1)) for c in outside)
                if cost <= OWN_DELTA_BUDGET:
                    exact |= outside
                elif outside:
                    skipped += 1
    raise_floor, at_least = _floor_for_unseen(part, skipped) if skipped else (0, None)
    return _update(tx, db, part, me, exact, raise_floor, at_least)


def _floor_for_unseen(part: Part, connections: int) -> tuple[int, dict]:
    """``(raise_floor, floor_at_least)`` when the candidates outside the list that new
    ``connections`` reach are not recomputed. A 2nd connection gained one mutual per new
    connection at most, and one who was not a 2nd connection before now has as many at most.
    A suggestion's new score has profile terms that no bound on the old one limits: nothing
    stays exact, the part is refilled on its next read."""
    if part is SECOND:
        return connections, {"key": connections, "id": ""}
    return 0, {"key": NOTHING_EXACT, "id": ""}


def _update(
    tx, db, part: Part, holder: str, exact: set[str], raise_floor: int, at_least: dict | None
) -> dict:
    entries = _entries(tx, db, part, [[holder, c] for c in sorted(exact)])
    return _merge_of(part, holder, exact, entries.get(holder, []), raise_floor, at_least)


def _merge_of(
    part: Part,
    holder: str,
    exact: set[str],
    added: list,
    raise_floor: int,
    at_least: dict | None = None,
) -> dict:
    """A views.merge update: the candidates recomputed (``exact``) leave, those still
    candidates come back with their new entries (``added``)."""
    return {
        "person_id": holder,
        "part": part.name,
        "remove": sorted(exact - {e["id"] for e in added}),
        "add": added,
        "raise_floor": raise_floor,
        "floor_at_least": at_least,
        "old_version": None,
        "new_version": None,
    }


def _entries(tx, db, part: Part, pairs: list[list[str]]) -> dict[str, list[dict]]:
    """Exact entries of the candidates that still are ones, by holder."""
    by_holder: dict[str, list[dict]] = {}
    if not pairs:
        return by_holder
    for row in run(tx, db.query(*part.entries_query), pairs=pairs, **part.params()):
        holder = row.pop("holder")
        by_holder.setdefault(holder, []).append(row)
    return by_holder


def apply_linked(tx, db, view_size: int, pairs: list[tuple[str, str]]) -> None:
    """LinkedIn contacts matched (or no longer) between each pair (backend/imports): in each
    person's suggestions only the other one's entry moves (the score's ``linkedin`` term);
    the 2nd connections and the counts do not change, and nobody else's views do. One touch,
    one entries query and one merge for all the pairs: an import matches thousands of people
    at once, few of whom have a view."""
    others: dict[str, set[str]] = {}
    for a, b in pairs:
        others.setdefault(a, set()).add(b)
        others.setdefault(b, set()).add(a)
    people = sorted(others)
    versions = {
        r["id"]: r["version"] for r in run(tx, db.query("views.touch", 2), person_ids=people)
    }
    ranked, unchanged = [], {}
    for row in run(tx, db.query("views.parts_of", 2), person_ids=people):
        me = row["person_id"]
        if row["version"] != versions[me] - 1:
            continue  # outdated before this change: its refresh is due anyway
        if row["part"] == SUGGESTIONS.name:
            ranked.append(me)
        else:
            unchanged.setdefault(me, []).append(row["part"])
    for me, parts in unchanged.items():
        run(
            tx,
            db.query("views.sync_version", 1),
            person_id=me,
            parts=parts,
            old_version=versions[me] - 1,
            new_version=versions[me],
        )
    if not ranked:
        return
    entries = _entries(tx, db, SUGGESTIONS, [[me, c] for me in ranked for c in sorted(others[me])])
    updates = [
        {
            **_merge_of(SUGGESTIONS, me, others[me], entries.get(me, []), 0),
            "old_version": versions[me] - 1,
            "new_version": versions[me],
        }
        for me in ranked
    ]
    run(tx, db.query("views.merge", 1), updates=updates, cap=cap(view_size))


# -- the neighbours, after the response -------------------------------------------------------


def apply_to_neighbours(db, view_size: int, event: Event) -> int:
    """The deltas of the views of the two people's connections; returns how many view parts
    were updated. Each side: A's connections' views get B's exact entry (and the entries
    reached through A when A's weight as a mutual changed)."""
    if not event.change.moves_neighbours or len(event.people) != 2:
        return 0
    updated = 0
    for (x, degree), (other, _) in zip(event.people, event.people[::-1], strict=True):
        before = degree - 1 if event.change is Change.CONNECTED else degree + 1
        shift = adamic_adar(degree) - adamic_adar(before)
        holders = db.read(
            "views.holders", 1, person_id=x, other_id=other, parts=[p.name for p in RANKED]
        )
        for part in RANKED:
            ids = sorted(row["id"] for row in holders if part.name in row["parts"])
            for start in range(0, len(ids), NEIGHBOUR_BATCH):
                batch = ids[start : start + NEIGHBOUR_BATCH]
                updated += db.write_tx(
                    _neighbour_batch, db, view_size, part, batch, x, other, shift
                )
    return updated


def _neighbour_batch(tx, db, view_size, part: Part, holders, x, other, shift) -> int:
    # Lock first: an own delta of a holder waits, or is seen by the entries computed below.
    run(tx, db.query("views.lock", 1), person_ids=holders, part=part.name)
    exact = {holder: {other} for holder in holders}
    raise_floor = 0
    if part is SUGGESTIONS and shift:
        # x's weight as a mutual changed: the entries reached through x move by it, and those
        # not listed can have risen by it at most.
        rows = run(
            tx, db.query("views.entries_via", 1), person_id=x, holders=holders, part=part.name
        )
        for row in rows:
            exact[row["holder"]] |= set(row["ids"])
        raise_floor = max(0, shift)
    pairs = [[holder, c] for holder, ids in exact.items() for c in sorted(ids)]
    entries = _entries(tx, db, part, pairs)
    updates = [
        _merge_of(part, holder, ids, entries.get(holder, []), raise_floor)
        for holder, ids in exact.items()
    ]
    return len(run(tx, db.query("views.merge", 1), updates=updates, cap=cap(view_size)))
