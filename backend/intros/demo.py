"""Demo introductions: a few in every interesting state, for the data ``make run`` loads.

They go through the same service functions as the API (so they obey every rule), back-dated
step by step (``backdated``) so that the timeline reads naturally and nothing open has expired
yet. Run inside the app's context, as ``mutuals seed demo`` does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from backend.app_services import app_services, backdated, now
from backend.errors import Problem
from backend.intros import service

CANDIDATES = 200


def _requested(at, c):
    with backdated(at - timedelta(days=2)):
        service.request_intro(
            c["requester_id"],
            target=c["target_id"],
            broker=c["broker_id"],
            message=f"Hi {c['broker_name']}, could you introduce me to {c['target_name']}? "
            "I'd value their view on my next step.",
        )


def _ask_and_forward(at, c, days_ago: int) -> str:
    with backdated(at - timedelta(days=days_ago)):
        intro = service.request_intro(
            c["requester_id"],
            target=c["target_id"],
            broker=c["broker_id"],
            message=f"Hi {c['broker_name']}, would you introduce me to {c['target_name']}? "
            "We work on similar problems.",
        )
    with backdated(at - timedelta(days=days_ago - 1)):
        service.forward(
            c["broker_id"],
            intro["id"],
            note=f"{c['target_name']}, meet {c['requester_name']}; {c['requester_name']}, meet "
            f"{c['target_name']}. I think you two would get a lot out of a conversation.",
        )
    return intro["id"]


def _introduced(at, c):
    _ask_and_forward(at, c, days_ago=5)


def _accepted_with_follow_up(at, c):
    intro_id = _ask_and_forward(at, c, days_ago=20)
    with backdated(at - timedelta(days=18)):
        service.accept(c["target_id"], intro_id)
    with backdated(at - timedelta(days=12)):
        service.add_follow_up(
            c["requester_id"],
            intro_id,
            kind="coffee",
            at=at - timedelta(days=13),
            note="Coffee near the office: swapped notes on hiring.",
        )


def _declined(at, c):
    intro_id = _ask_and_forward(at, c, days_ago=10)
    with backdated(at - timedelta(days=8)):
        service.decline(c["target_id"], intro_id)


def _brokered_half_accepted(at, c):
    with backdated(at - timedelta(days=3)):
        intro = service.introduce(
            c["broker_id"],
            between=[c["requester_id"], c["target_id"]],
            note=f"{c['requester_name']} and {c['target_name']}: you should meet. "
            "Happy to join the first call.",
        )
    with backdated(at - timedelta(days=1)):
        service.accept(c["requester_id"], intro["id"])


# name -> how to create it from one (requester, broker, target) candidate
SCENARIOS: dict[str, Callable] = {
    "requested": _requested,
    "introduced": _introduced,
    "accepted_with_follow_up": _accepted_with_follow_up,
    "declined": _declined,
    "broker_started_half_accepted": _brokered_half_accepted,
}


def seed_demo_intros(
    person_ids: Sequence[str], *, per_scenario: int = 1, at: datetime | None = None
) -> dict[str, int]:
    """Create ``per_scenario`` introductions of each scenario among ``person_ids`` (who must
    include connected people: requester and target sharing a broker). Returns how many of
    each were made; a scenario that finds no fitting trio is simply made fewer times.
    Running it again adds new ones where the rules allow (pairs with an open one are skipped)."""
    at = at or now()  # the scenarios back-date their steps from here
    candidates = app_services().db.read(
        "intros.demo_candidates", 1, person_ids=list(person_ids), limit=CANDIDATES
    )
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
                create(at, candidate)
            except Problem:  # connected meanwhile, quota reached, already open: try the next
                continue
            used_pairs.add(pair)
            made[name] += 1
    return {name: made[name] for name in SCENARIOS}
