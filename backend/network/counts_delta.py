"""Keeping a person's network counts (1st/2nd/3rd degree) exact through their own connection
made or removed, from the other person's side (docs/views.md).

When A and B connect, a person z's distance from A becomes min(d(z), 1 + dB(z)), where d is the
distance without the A–B connection and dB the distance from B (not through A). Only the people
within 2 hops of B can come within 3 of A that way, so the counts move by what happens to
them: B goes to the 1st degree, a connection of B at 3+ to the 2nd, someone 2 hops from B at 4+
(not counted) to the 3rd. Removing the connection is the same change backwards. (Blocked people
are neither counted nor passed through, on both sides.)

views.counts_reach reads B's 2 hops and which of them are A's connections; from that, each
one's d is known up to 2 for B and B's connections, and up to 3 for most others (a known
neighbour at 2 or less); the rest are checked by views.within_three (paths of up to 3 hops to
A, found early when they exist). Both reads are bounded by a budget of relationships read:
past it, or when the two are blocked, there is no exact shift and the counts are recomputed.
"""

from __future__ import annotations

from collections import defaultdict

from backend.db import run

# Not counted: 4 hops or more, or unreachable.
FAR = 4


def shift(tx, db, me: str, other: str, connected: bool, budget: int) -> list[int] | None:
    """How me's [first, second, third] counts move now that me and other are connected
    (``connected``) or no longer are; None when that is not known within ``budget``."""
    rows = run(tx, db.query("views.counts_reach", 1), person_id=me, other_id=other, budget=budget)
    if not rows or rows[0]["cut"] or rows[0]["work"] > budget:
        return None
    reach = rows[0]
    ones = set(reach["ones"])
    links = defaultdict(set, {other: set(ones)})
    for x, w in reach["links"]:
        links[x].add(w)
        links[w].add(x)
    hops = {other: 0} | dict.fromkeys(ones, 1)
    hops |= {w: 2 for x in ones for w in links[x] if w not in hops}
    near = set(reach["near"])
    # Within 2 without the connection: exact for other and ones (all their links are known),
    # a lower bound beyond (only their links to ones are).
    two = {z for z in hops if z in near or links[z] & near}
    three = {z for z in hops if z in two or links[z] & two}
    unplaced = sorted(z for z in hops if z not in three and z != other)
    if unplaced:
        [checked] = run(
            tx,
            db.query("views.within_three", 1),
            person_id=me,
            other_id=other,
            ids=unplaced,
            budget=budget,
        )
        if checked["within"] is None:
            return None
        three |= set(checked["within"])
    moved = [0, 0, 0, 0, 0]  # by hops 0..FAR; [1:4] are the counts
    for z, from_other in hops.items():
        without = 1 if z in near else 2 if z in two else 3 if z in three else FAR
        with_ = min(without, 1 + from_other)
        before, after = (without, with_) if connected else (with_, without)
        moved[before] -= 1
        moved[after] += 1
    return moved[1:FAR]
