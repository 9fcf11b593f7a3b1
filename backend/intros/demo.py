"""Demo introductions: a few in every interesting state, for the data ``make run`` loads.

They go through the same service functions as the API (so they obey every rule), back-dated
step by step so that the timeline reads naturally and nothing open has expired yet.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from backend.app_services import utc_now
from backend.db import Database
from backend.errors import Problem
from backend.intros import service

CANDIDATES = 200


def _requested(db, now, c):
    service.request_intro(
        db,
        now - timedelta(days=2),
        c["requester_id"],
        c["target_id"],
        c["broker_id"],
        f"Hi {c['broker_name']}, could you introduce me to {c['target_name']}? "
        "I'd value their view on my next step.",
    )


def _ask_and_forward(db, now, c, days_ago: int) -> str:
    intro = service.request_intro(
        db,
        now - timedelta(days=days_ago),
        c["requester_id"],
        c["target_id"],
        c["broker_id"],
        f"Hi {c['broker_name']}, would you introduce me to {c['target_name']}? We work on similar problems.",
    )
    service.forward(
        db,
        now - timedelta(days=days_ago - 1),
        intro["id"],
        c["broker_id"],
        f"{c['target_name']}, meet {c['requester_name']}; {c['requester_name']}, meet "
        f"{c['target_name']}. I think you two would get a lot out of a conversation.",
    )
    return intro["id"]


def _introduced(db, now, c):
    _ask_and_forward(db, now, c, days_ago=5)


def _accepted_with_follow_up(db, now, c):
    intro_id = _ask_and_forward(db, now, c, days_ago=20)
    service.accept(db, now - timedelta(days=18), intro_id, c["target_id"])
    service.add_follow_up(
        db,
        now - timedelta(days=12),
        intro_id,
        c["requester_id"],
        "coffee",
        now - timedelta(days=13),
        "Coffee near the office: swapped notes on hiring.",
    )


def _declined(db, now, c):
    intro_id = _ask_and_forward(db, now, c, days_ago=10)
    service.decline(db, now - timedelta(days=8), intro_id, c["target_id"])


def _brokered_half_accepted(db, now, c):
    intro = service.introduce(
        db,
        now - timedelta(days=3),
        c["broker_id"],
        c["requester_id"],
        c["target_id"],
        f"{c['requester_name']} and {c['target_name']}: you should meet. "
        "Happy to join the first call.",
    )
    service.accept(db, now - timedelta(days=1), intro["id"], c["requester_id"])


# name -> how to create it from one (requester, broker, target) candidate
SCENARIOS: dict[str, Callable] = {
    "requested": _requested,
    "introduced": _introduced,
    "accepted_with_follow_up": _accepted_with_follow_up,
    "declined": _declined,
    "broker_started_half_accepted": _brokered_half_accepted,
}


def seed_demo_intros(
    db: Database, person_ids: Sequence[str], *, per_scenario: int = 1, now: datetime | None = None
) -> dict[str, int]:
    """Create ``per_scenario`` introductions of each scenario among ``person_ids`` (who must
    include connected people: requester and target sharing a broker). Returns how many of
    each were made; a scenario that finds no fitting trio is simply made fewer times.
    Running it again adds new ones where the rules allow (pairs with an open one are skipped)."""
    now = now or utc_now()
    candidates = db.read("intros.demo_candidates", 1, person_ids=list(person_ids), limit=CANDIDATES)
    made: Counter = Counter()
    used_pairs: set[frozenset] = set()
    for name, create in SCENARIOS.items():
        for candidate in candidates:
            if made[name] >= per_scenario:
                break
            pair = frozenset((candidate["requester_id"], candidate["target_id"]))
            if pair in used_pairs:
                continue
            try:
                create(db, now, candidate)
            except Problem:  # connected meanwhile, quota reached, already open: try the next
                continue
            used_pairs.add(pair)
            made[name] += 1
    return {name: made[name] for name in SCENARIOS}
