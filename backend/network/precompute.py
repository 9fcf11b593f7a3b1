"""Computing views before anyone asks: ``mutuals views refresh`` and the run after a seed load.

A heavy person's first read without a view is answered live (and their view computed in the
background): a third of a second for a hub of the 100k-person network, 10 s for one of the
1M-person network. Precomputing the top of the degree distribution right after a load spares
the people most likely to be read, and to be slow, that wait (docs/views.md).

A run is bounded three ways (0 = no bound), checked before each person (a person gets all
the parts asked for, or none):
- ``top``: the best-connected people first, at most this many, among those whose 2-hop work
  reaches the view threshold (the others are answered live as fast as a view);
- ``max_seconds``: no person starts past it (one in progress finishes: a 1M hub's parts take
  seconds each), so the run keeps to an operator's window on a shared database;
- ``max_bytes``: no person starts once the parts this run saved hold that much payload, so a
  large ``top`` cannot fill the store and page cache that the graph itself needs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from time import monotonic

from tqdm import tqdm

from backend.app_services import app_services
from backend.network.parts import RANKED

# What a precompute computes unless told: the ranked parts. The counts (3 hops, the costliest
# to compute) wait for a read: few people ask for them.
DEFAULT_PARTS = tuple(part.name for part in RANKED)


@dataclass(frozen=True)
class Bounds:
    top: int = 100
    max_seconds: float = 300.0
    max_bytes: int = 100_000_000


@dataclass
class RefreshSummary:
    people: int  # asked for
    done: int = 0  # whose parts were all tried
    outcomes: Counter = field(default_factory=Counter)
    bytes: int = 0  # payload of the parts saved
    seconds: float = 0.0
    stopped: str = ""  # the bound that stopped the run, if one did

    def line(self) -> str:
        outcomes = ", ".join(f"{n:,} {outcome}" for outcome, n in sorted(self.outcomes.items()))
        rate = f" ({self.done / self.seconds:.1f} people/s)" if self.done and self.seconds else ""
        stop = f"; stopped at the {self.stopped} after {self.done:,} of {self.people:,} people"
        return (
            f"views of {self.done:,} people: {outcomes or 'none to refresh'} in "
            f"{self.seconds:.1f} s{rate}, {self.bytes:,} bytes of payload"
            f"{stop if self.stopped else ''}"
        )


def heaviest(top: int, echo) -> list[str]:
    """The top of the degree distribution at or above the view threshold, most connections
    first (``top`` 0: all of them); says whom it chose (``echo``)."""
    state = app_services()
    threshold = state.settings.view_threshold
    people = state.db.read("views.top_people", 1, top=top or 2**62, threshold=threshold)
    if people:
        echo(
            f"the {len(people):,} best-connected people at or above the view threshold "
            f"({threshold:,} rows of 2-hop work): {people[0]['degree']:,} to "
            f"{people[-1]['degree']:,} connections"
        )
    return [row["id"] for row in people]


def refresh_people(
    person_ids: Iterable[str], parts: Iterable[str], bounds: Bounds, progress: bool | None
) -> RefreshSummary:
    """Compute these parts of these people's views now, due or not, in order, within the
    time and byte bounds (``top`` is the caller's: it chose the people)."""
    state, ids, parts = app_services(), list(person_ids), list(parts)
    summary, began = RefreshSummary(people=len(ids)), monotonic()
    bar = tqdm(ids, desc="computing views", unit="person", disable=_disabled(progress))
    for person_id in bar:
        summary.stopped = _bound_reached(bounds, monotonic() - began, summary.bytes)
        if summary.stopped:
            break
        for part in parts:
            outcome = state.refresher.refresh(person_id, part, force=True)
            summary.outcomes[outcome] += 1
            if outcome == "refreshed":
                summary.bytes += state.db.read(
                    "views.stored_bytes", 1, person_id=person_id, parts=[part]
                )[0]["bytes"]
        summary.done += 1
        bar.set_postfix(bytes=f"{summary.bytes:,}")
    bar.close()
    summary.seconds = monotonic() - began
    return summary


def _bound_reached(bounds: Bounds, seconds: float, saved: int) -> str:
    if bounds.max_seconds and seconds >= bounds.max_seconds:
        return f"time bound ({bounds.max_seconds:g} s)"
    if bounds.max_bytes and saved >= bounds.max_bytes:
        return f"byte bound ({bounds.max_bytes:,} bytes)"
    return ""


def _disabled(progress: bool | None) -> bool | None:
    """tqdm's ``disable``: None shows the bar only on a terminal."""
    return None if progress is None else not progress
