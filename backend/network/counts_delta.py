"""Keeping a person's network counts (1st/2nd/3rd degree) exact through their own connection
made or removed, from the other person's side (docs/views.md).

When A and B connect, a person z's distance from A becomes min(d(z), 1 + dB(z)), where d is the
distance without the A–B connection and dB the distance from B (not through A). Only the people
within 2 hops of B can come within 3 of A that way, so the counts move by what happens to
them: B goes to the 1st degree, a connection of B at 3+ to the 2nd, someone 2 hops from B at 4+
(not counted) to the 3rd. Removing the connection is the same change backwards. (Blocked people
are neither counted nor passed through, on both sides.)

views.counts_reach places B and B's connections: which of them are A's connections, and which
are within 2 hops of A (an early-ending check each); a connection of B within 2 hops puts all of
its own connections within 3, so only the connections of those that are not (and those further
than 2 hops themselves, unless a placed neighbour decides) are looked at by views.within_three:
a search of their first few 2-hop paths for one that reaches A. For a hub's A nearly everyone
is within 2 or 3 hops: few people are searched, and each search ends at once. Each search has
its share of the budget (relationships read); when one ends undecided, or when the two are
blocked, there is no exact shift and the counts are recomputed.
"""

from __future__ import annotations

from backend.db import run

# Not counted: 4 hops or more, or unreachable.
FAR = 4


def shift(
    tx, db, me: str, other: str, connected: bool, other_degree: int, budget: int
) -> list[int] | None:
    """How me's [first, second, third] counts move now that me and other (who has
    ``other_degree`` connections) are connected (``connected``) or no longer are; None when
    that is not known within ``budget`` relationships read."""
    share = budget // max(other_degree, 1)
    rows = run(tx, db.query("views.counts_reach", 2), person_id=me, other_id=other, share=share)
    if not rows or rows[0]["cut"] or any(x["two"] is None for x in rows[0]["reach"]):
        return None
    reach = {x["id"]: x for x in rows[0]["reach"]}
    two = {x for x, entry in reach.items() if entry["two"]}
    # Distances without the connection (hops from other: 0, 1, 2), as far as known.
    levels = {other: 2 if any(e["near"] for e in reach.values()) else 3 if two else FAR}
    for x, entry in reach.items():
        levels[x] = 1 if entry["near"] else 2 if entry["two"] else None
    within_two = two | ({other} if levels[other] == 2 else set())
    beyond = set()
    for x, entry in reach.items():
        if levels[x] is None:
            links = set(entry["links"])
            levels[x] = 3 if links & within_two else None
            beyond |= links - reach.keys() - {other}
    # The connections of those within 2 hops are within 3: only the others' can have moved.
    unplaced = sorted({x for x, level in levels.items() if level is None} | beyond)
    if unplaced:
        cap = budget // len(unplaced)
        found = run(
            tx,
            db.query("views.within_three", 3),
            person_id=me,
            other_id=other,
            ids=unplaced,
            cap=cap,
        )
        if any(row["within"] is None for row in found):
            return None
        for row in found:
            levels[row["id"]] = 3 if row["within"] else FAR
    moved = [0, 0, 0, 0, 0]  # by level 0..FAR; [1:4] are the counts
    for z, without in levels.items():
        hops = 0 if z == other else 1 if z in reach else 2
        with_ = min(without, 1 + hops)
        before, after = (without, with_) if connected else (with_, without)
        moved[before] -= 1
        moved[after] += 1
    return moved[1:FAR]
