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
harmless. The one increment, a neighbours' weight shift (below), is applied only to a part in
the state the change read, which the first merge or save moves.

- Own changes (:func:`apply_own`): in the write transaction, for both people; their parts move
  to the new ``network_version`` and stay servable. The counts part moves by an exact shift
  (counts_delta.py) for a connection made or removed within the budget; otherwise (past it, a
  block, an unblock) it is recomputed in the background.
- Neighbours (:func:`apply_to_neighbours`): after the response, in the background
  (refresher.py), for the views of A's and B's connections: B's (A's) entry, and when A's
  Adamic-Adar weight changed with their number of connections, the entries reached through A,
  with the floor raised by the weight's increase: shifted by the weight's move in a part whose
  state has not moved since A's change read it (its entries were computed with A's old
  weight), recomputed in the others. One entries query per batch of views,
  computed before the views' locks are taken; under the locks, only the views that took
  another delta (or a refresh) meanwhile are computed again.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from enum import Enum

from backend.db import run
from backend.network import counts_delta
from backend.network.parts import PARTS, RANKED, SCORE_WEIGHTS, SECOND, SUGGESTIONS, Part

# Index seeks an own delta may spend, in the request's transaction, on candidates that a new
# connection brings and that are not in the view yet (a light person connecting to a hub); and
# relationships a counts delta may read, shared among its searches (counts_delta.py).
OWN_DELTA_BUDGET = 20_000
# Views updated per transaction by a neighbours' delta. Their entries are computed before the
# transaction locks them, which then holds the locks to merge (and to compute again the
# entries of the parts changed meanwhile); an accept's own delta waits for the lock of its
# parts. When the entries were computed under the locks, 200 parts held them for about 3 s
# under the mixed load (bench/RESULTS.md), long enough for accepts to meet the 5 s deadline.
NEIGHBOUR_BATCH = 50
# Every part's name in the order locks are taken (views.lock, views.own_parts, views.parts_of):
# the same order everywhere, so that two transactions never wait on each other's parts.
PART_NAMES = sorted(PARTS)


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
    right after it (their Adamic-Adar weights as mutuals); for a disconnection, the view parts
    of their connections as they were then (``views.holders`` rows); for a person whose weight
    moved, the state of their connections' suggestions parts read in the change's transaction
    (``states``: {person_id, holder, state}, see :func:`_weight_states`)."""

    change: Change
    people: tuple[tuple[str, int], ...]
    holders: tuple[dict, ...] = ()
    states: tuple[dict, ...] = ()


def adamic_adar(degree: int) -> int:
    """A mutual's points, as network.suggestions computes them (Cypher's round: half up)."""
    if degree <= 1:
        return 0
    return math.floor(SCORE_WEIGHTS["mutual"] / math.log(degree) + 0.5)


def cap(view_size: int) -> int:
    """Entries a ranked part keeps: room for deltas to add before the floor has to rise."""
    return 2 * view_size


# -- own changes, in the write transaction ----------------------------------------------------


def apply_own(tx, db, view_size: int, change: Change, people: list[str]) -> tuple[Event, list]:
    """Bump the people's ``network_version`` and bring their view parts along (a pair's
    change: both people, each with the other). Returns the event for the neighbours' delta and
    the (person, part) pairs that need a recompute in the background."""
    touched = {row["id"]: row for row in run(tx, db.query("views.touch", 2), person_ids=people)}
    holders = ()
    if change is Change.DISCONNECTED:
        # Whose views the neighbours' delta must reach: A's connections now. One of them, H,
        # may leave A before the delta runs; H's own delta then recomputes A's connections of
        # that moment, which no longer include B, so B's entry in H's view (A was a mutual)
        # would be left to this delta, which would not find H among A's connections any more.
        parts = [p.name for p in RANKED]
        holders = tuple(run(tx, db.query("views.holders", 3), people=sorted(touched), parts=parts))
    degrees = tuple((p, touched[p]["degree"]) for p in people if p in touched)
    event = Event(change, degrees, holders, _weight_states(tx, db, change, degrees))
    updates, shifts, recompute = [], [], []
    for me in sorted(touched):  # locks in id order, as the neighbours' deltas take them
        others = [p for p in people if p != me]
        new_version = touched[me]["version"]
        old_version = new_version - 1
        unchanged = []
        for row in run(
            tx, db.query("views.own_parts", 3), person_id=me, other_ids=others, parts=PART_NAMES
        ):
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
            elif part.ranked and others:
                update = _own_update(tx, db, part, change, me, others[0], set(row["ids"]))
                updates.append({**update, "old_version": old_version, "new_version": new_version})
            elif change is Change.REQUEST_WITHDRAWN:
                unchanged.append(part.name)  # counts are about connections only
            elif others:
                moved = _counts_shift(tx, db, change, me, others[0], touched)
                if moved is None:
                    recompute.append((me, part.name))
                else:
                    shifts.append(
                        {
                            "person_id": me,
                            "shift": moved,
                            "old_version": old_version,
                            "new_version": new_version,
                        }
                    )
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
    if shifts:
        run(tx, db.query("views.shift_counts", 1), updates=shifts)
    return event, recompute


def _weight_states(tx, db, change: Change, degrees) -> tuple[dict, ...]:
    """For each person of a connection made or removed whose Adamic-Adar weight moved, the
    state (views.part_states) of their connections' suggestions parts, read before this
    transaction commits: the neighbours' delta shifts the entries reached through them by the
    weight's move instead of recomputing them, but only in a part whose state is still this
    one (no delta merged into it, no refresh saved it since: its entries were computed with
    the weight of before). The other person of the change is left out: their own delta
    recomputes what they reach through this one."""
    if not change.moves_neighbours or len(degrees) != 2:
        return ()
    moved = [p for p, degree in degrees if _weight_shift(change, degree)]
    if not moved:
        return ()
    people = {p for p, _ in degrees}
    holders = run(tx, db.query("views.holders", 3), people=moved, parts=[SUGGESTIONS.name])
    keys = {(row["holder"], row["person_id"]) for row in holders if row["holder"] not in people}
    views = [
        {"person_id": holder, "part": SUGGESTIONS.name} for holder in sorted({h for h, _ in keys})
    ]
    states = {
        row["person_id"]: list(_state(row))
        for row in run(tx, db.query("views.part_states", 1), views=views)
    }
    return tuple(
        {"person_id": x, "holder": h, "state": states[h]} for h, x in sorted(keys) if h in states
    )


def _weight_shift(change: Change, degree: int) -> int:
    """How far a connection made or removed moved the weight of someone with ``degree``
    connections after it."""
    before = degree - 1 if change is Change.CONNECTED else degree + 1
    return adamic_adar(degree) - adamic_adar(before)


def with_views(tx, db, people: list[str]) -> set[str]:
    """Those of ``people`` who have a computed view part (views.parts_of: their parts locked,
    so that no background delta changes them before this transaction's own deltas)."""
    rows = run(tx, db.query("views.parts_of", 3), person_ids=people, parts=PART_NAMES)
    return {row["person_id"] for row in rows}


def apply_connected(tx, db, pairs: list[tuple[str, str]]) -> list[Event]:
    """:func:`apply_own` of ``Change.CONNECTED`` for pairs of people none of whom has a view
    part (:func:`with_views`), connected in this transaction: one touch for all. The events
    are those of each pair connected in a transaction of its own, in order (a person's
    degree moving by one from one pair of theirs to the next)."""
    people = sorted({person for pair in pairs for person in pair})
    touched = {row["id"]: row for row in run(tx, db.query("views.touch", 2), person_ids=people)}
    still = Counter(person for pair in pairs for person in pair)
    events = []
    for pair in pairs:
        degrees = []
        for person in pair:
            still[person] -= 1
            if person in touched:
                degrees.append((person, touched[person]["degree"] - still[person]))
        events.append(Event(Change.CONNECTED, tuple(degrees)))
    return events


def _counts_shift(tx, db, change: Change, me: str, other: str, touched) -> list[int] | None:
    """How an own connection made or removed moves me's counts (counts_delta.py), within the
    own delta's budget; None otherwise (a block or an unblock: who is passed through changes):
    the counts are recomputed in the background."""
    if change not in (Change.CONNECTED, Change.DISCONNECTED) or other not in touched:
        return None
    connected, degree = change is Change.CONNECTED, touched[other]["degree"]
    return counts_delta.shift(tx, db, me, other, connected, degree, OWN_DELTA_BUDGET)


def _own_update(tx, db, part: Part, change: Change, me: str, other: str, listed: set[str]) -> dict:
    """The merge of one ranked part of ``me``'s view after ``change`` with ``other``."""
    exact, raise_floor, at_least = {other}, 0, None
    if change in (Change.CONNECTED, Change.DISCONNECTED):
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
                raise_floor, at_least = _floor_for_unseen(tx, db, part, me, other)
    return _update(tx, db, part, me, exact, raise_floor, at_least)


def _floor_for_unseen(tx, db, part: Part, me: str, other: str) -> tuple[int, dict]:
    """``(raise_floor, floor_at_least)`` when a new connection's candidates outside the list
    are not recomputed. A 2nd connection gained one mutual at most, and one who was not a 2nd
    connection before now has one. A suggestion gained at most the new connection's
    Adamic-Adar weight and the points of the recommendations they wrote for it, and one who
    was not a suggestion before (no mutual, no tie, no LinkedIn contact) scores at most that
    weight, its profile terms and its recommendations (views.unseen_bound)."""
    if part is SECOND:
        return 1, {"key": 1, "id": ""}
    [bound] = run(
        tx, db.query("views.unseen_bound", 1), person_id=me, other_id=other, weights=SCORE_WEIGHTS
    )
    weight = adamic_adar(bound["degree"])
    gained = weight + SCORE_WEIGHTS["recommended"] * bound["recommended"]
    return gained, {"key": weight + bound["points"], "id": ""}


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
    for row in run(tx, db.query("views.parts_of", 3), person_ids=people, parts=PART_NAMES):
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


# -- a compute overtaken by deltas, when it is saved -----------------------------------------


def replay(tx, db, view_size: int, part: Part, holder: str, log: dict) -> None:
    """Apply to a ranked part just saved from a compute the deltas that overtook it (their log,
    views.save): the compute may have read the graph before or after each change, so every
    candidate a change can have moved is recomputed now, in the save's transaction (which holds
    the part's lock): the people of the changes (``ids``), everyone reached through the other
    person of an own change (``via``: that person's connections and, in suggestions, the people
    they recommended; no budget, as this runs in the background), and the listed entries
    reached through a person whose Adamic-Adar weight moved (``weighed``), with the floor
    raised by the weights' increase (``floor``) as the neighbours' delta raised it."""
    exact = set(log["ids"]) | set(log["via"])
    for other in sorted(set(log["via"])):
        for hood in run(tx, db.query("views.neighbourhood", 1), person_id=holder, other_id=other):
            exact |= {c["id"] for c in hood["connections"]}
            if part is SUGGESTIONS:
                exact |= set(hood["recommended"])
    weighed = [[holder, x] for x in sorted(set(log["weighed"]))]
    if weighed:
        for row in run(tx, db.query("views.entries_via", 4), pairs=weighed, part=part.name):
            exact |= {e["id"] for e in row["entries"]}
    update = _update(tx, db, part, holder, exact, log["floor"], None)
    run(tx, db.query("views.merge", 1), updates=[update], cap=cap(view_size))


# -- the neighbours, after the response -------------------------------------------------------


@dataclass
class _Moved:
    """What the changes of a batch did to one person x: who they connected to or disconnected
    from, whether their Adamic-Adar weight moved at all and how far it moved from before the
    first change to after the last one (the most an entry not listed can have gained; what a
    listed entry computed before the first change moved by); and how many of the changes
    moved it, with the states of x's holders' suggestions parts each of them read
    (Event.states)."""

    others: set[str]
    reweighed: bool = False
    shift: int = 0
    weighings: int = 0
    states: dict[str, list[tuple]] = field(default_factory=dict)

    def shifts_in(self, holder: str, state: tuple) -> bool:
        """Whether the entries reached through x in the holder's suggestions, at ``state``,
        were all computed before x's first change of the batch, so that each moved by
        ``shift`` exactly: every change that moved x's weight read this same state of the
        part. A delta merged into the part or a refresh saved it since the first one read
        it (an entry computed in between may already have x's new weight), or the holder
        became x's connection after it (no state): recomputed instead."""
        seen = self.states.get(holder, [])
        return len(seen) == self.weighings and all(s == state for s in seen)


def apply_to_neighbours(db, view_size: int, events: list[Event]) -> int:
    """The deltas of the views of the people's connections for these changes, coalesced;
    returns how many view parts were updated. For each person x of a change, x's connections'
    views get the exact entries of the people x connected to or disconnected from (each
    candidate once, however many changes moved it), and when x's Adamic-Adar weight as a
    mutual changed over the changes, the entries reached through x. One holders read for all
    the changes, then per NEIGHBOUR_BATCH view parts: their entries computed without their
    locks, and one transaction that locks them and merges (:func:`_neighbour_merge`)."""
    moved = _moved(events)
    if not moved:
        return 0
    holders = db.read("views.holders", 3, people=sorted(moved), parts=[p.name for p in RANKED])
    holders += [row for event in events for row in event.holders]
    # (holder, part) -> the people of the changes through whom the holder's part moves.
    views: dict[tuple[str, str], set[str]] = {}
    for row in holders:
        views.setdefault((row["holder"], row["part"]), set()).add(row["person_id"])
    keys = sorted(views)
    updated = 0
    for start in range(0, len(keys), NEIGHBOUR_BATCH):
        batch = {key: views[key] for key in keys[start : start + NEIGHBOUR_BATCH]}
        # A write transaction that writes nothing: on the leader, which has every change of
        # the batch (a secondary may not have them yet).
        computed = db.write_tx(_neighbour_entries, db, moved, batch)
        updated += db.write_tx(_neighbour_merge, db, view_size, moved, batch, computed)
    return updated


def _moved(events: list[Event]) -> dict[str, _Moved]:
    moved: dict[str, _Moved] = {}
    for event in events:
        if not event.change.moves_neighbours or len(event.people) != 2:
            continue
        for (x, degree), (other, _) in zip(event.people, event.people[::-1], strict=True):
            side = moved.setdefault(x, _Moved(set()))
            side.others.add(other)
            # Each change moves x's degree by one from the one before it (the changes of x
            # commit one after the other): the shifts add up to the net move.
            shift = _weight_shift(event.change, degree)
            side.reweighed |= shift != 0
            side.shift += shift
            if shift:
                side.weighings += 1
                for row in event.states:
                    if row["person_id"] == x:
                        side.states.setdefault(row["holder"], []).append(tuple(row["state"]))
    return moved


def _neighbour_entries(tx, db, moved: dict[str, _Moved], views: dict) -> dict:
    """The parts' states (views.part_states), then the updates of the computed ones, without
    their locks: ``{(holder, part): (state, update or None)}``."""
    states = {
        (row["person_id"], row["part"]): _state(row)
        for row in run(tx, db.query("views.part_states", 1), views=_view_keys(views))
    }
    computed = {k: states[k] for k in states if states[k][2]}
    updates = _neighbour_updates(tx, db, moved, {k: views[k] for k in computed}, computed)
    return {key: (state, updates.get(key)) for key, state in states.items()}


def _neighbour_merge(tx, db, view_size, moved: dict[str, _Moved], views: dict, computed) -> int:
    """Lock the parts and merge the updates computed before (:func:`_neighbour_entries`) of
    those whose state has not moved since; the others' are computed again, under the lock.
    The lock comes before the merge: an own delta of a holder waits, or commits first and
    moves the state; a part being computed for the first time counts the change, so that its
    compute, which may have begun before the change, is not saved (refresher.py) and takes no
    entries."""
    locked = run(tx, db.query("views.lock", 4), views=_delta_logs(moved, views))
    updates, again = [], {}
    for row in locked:
        key = (row["person_id"], row["part"])
        state, update = computed.get(key, (None, None))
        if state != _state(row):
            if row["computed"]:
                again[key] = _state(row)
        elif update is not None:
            updates.append(update)
    updates += _neighbour_updates(tx, db, moved, {k: views[k] for k in again}, again).values()
    if not updates:
        return 0
    return len(run(tx, db.query("views.merge", 1), updates=updates, cap=cap(view_size)))


def _delta_logs(moved: dict[str, _Moved], views: dict) -> list[dict]:
    """What the delta of each of these parts recomputes (views.lock logs it for a refresh
    that holds the part's lease, to replay on its compute: refresher.py): ``ids``, the people
    the holder's connections connected to or disconnected from; in suggestions, ``weighed``,
    the people whose weight changed (the entries reached through them), and ``floor``, the
    rise of the floor (those not listed moved by the net increase at most). A holder whose
    connection x changed only with the holder themselves took x's new weight in by their own
    delta: x's weight is not theirs to take in again (that would raise their floor twice)."""
    logs = []
    for (h, p), xs in views.items():
        scored = p == SUGGESTIONS.name
        weighed = [x for x in xs if moved[x].others != {h}] if scored else []
        logs.append(
            {
                "person_id": h,
                "part": p,
                "ids": sorted(set().union(*(moved[x].others for x in xs)) - {h}),
                "weighed": sorted(x for x in weighed if moved[x].reweighed),
                "floor": sum(max(0, moved[x].shift) for x in weighed),
            }
        )
    return logs


def _view_keys(views: dict) -> list[dict]:
    return [{"person_id": holder, "part": part} for holder, part in views]


def _state(row: dict) -> tuple:
    """What moves when a part takes a delta in or is saved by a refresh."""
    return row["changes"], row["computed_at"], row["computed"]


def _neighbour_updates(tx, db, moved: dict[str, _Moved], views: dict, states: dict) -> dict:
    """The views.merge updates of these computed parts, by (holder, part), whose state is
    ``states``: one entries_via and one entries query per ranked part. A listed entry reached
    through people whose weight moved is shifted by their moves when each of them
    :meth:`_Moved.shifts_in` the part, and recomputed otherwise."""
    updates, logs = {}, {(log["person_id"], log["part"]): log for log in _delta_logs(moved, views)}
    for part in RANKED:
        through = [h for h, p in views if p == part.name]
        if not through:
            continue
        exact = {h: set(logs[h, part.name]["ids"]) for h in through}
        raise_floor = {h: logs[h, part.name]["floor"] for h in through}
        weighed = [[h, x] for h in through for x in logs[h, part.name]["weighed"]]
        listed: dict[str, dict[str, dict]] = {h: {} for h in through}
        shift: dict[str, Counter] = {h: Counter() for h in through}
        if weighed:
            for row in run(tx, db.query("views.entries_via", 4), pairs=weighed, part=part.name):
                h, x = row["holder"], row["person_id"]
                listed[h] |= {e["id"]: e for e in row["entries"]}
                if moved[x].shifts_in(h, states[h, part.name]):
                    shift[h].update({e["id"]: moved[x].shift for e in row["entries"]})
                else:
                    exact[h] |= {e["id"] for e in row["entries"]}
        pairs = [[h, c] for h, ids in exact.items() for c in sorted(ids)]
        entries = _entries(tx, db, part, pairs)
        for h in through:
            added = entries.get(h, [])
            # Shifted: the entries whose only move is the weights' (none recomputed above).
            moves = {c: by for c, by in shift[h].items() if c not in exact[h] and by}
            added += [{**listed[h][c], "key": listed[h][c]["key"] + by} for c, by in moves.items()]
            if exact[h] or moves or raise_floor[h]:
                updates[h, part.name] = _merge_of(
                    part, h, exact[h] | moves.keys(), added, raise_floor[h]
                )
    return updates
