"""The introduction state machine: who may do what, in which state.

Two kinds share one machine:

* ``requested``: a requester asks a broker (a 1st connection of both) for an introduction to a
  target. ``requested`` -> broker forwards with a note -> ``introduced`` -> the target accepts
  -> ``accepted`` (the requester opted in by asking).
* ``broker``: a broker introduces two of their own connections; it starts ``introduced`` and
  needs both sides to accept (double opt-in): the second acceptance makes it ``accepted``.

Side exits: ``declined`` (broker or target), ``withdrawn`` (whoever started it), ``expired``
(no action for ``intro_expiry_days``). Expiry has no background job: the effective state is
computed whenever an introduction is read or acted on (:func:`effective_state`; the list and
ranking queries compute the same rule in Cypher from ``expires_before``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from backend.errors import Conflict, Forbidden, NotFound

STATES = ("requested", "introduced", "accepted", "declined", "withdrawn", "expired")
OPEN_STATES = ("requested", "introduced")
ROLES = ("requester", "broker", "target")


class Action(StrEnum):
    """What a party does to an introduction (each is its own endpoint and service function)."""

    FORWARD = "forward"
    DECLINE = "decline"
    ACCEPT = "accept"
    WITHDRAW = "withdraw"

    @property
    def past(self) -> str:
        """As in "it cannot be forwarded now"."""
        return PAST[self]


PAST = {
    Action.FORWARD: "forwarded",
    Action.DECLINE: "declined",
    Action.ACCEPT: "accepted",
    Action.WITHDRAW: "withdrawn",
}


# (kind, action) -> {role allowed to act: states it may act in}. A role missing here is 403;
# a role listed with the wrong state is 409. Targets of broker-started introductions are the
# two sides.
RULES: dict[tuple[str, Action], dict[str, frozenset[str]]] = {
    ("requested", Action.FORWARD): {"broker": frozenset({"requested"})},
    ("requested", Action.DECLINE): {
        "broker": frozenset({"requested"}),
        "target": frozenset({"introduced"}),
    },
    ("requested", Action.ACCEPT): {"target": frozenset({"introduced"})},
    ("requested", Action.WITHDRAW): {"requester": frozenset(OPEN_STATES)},
    # Already introduced at creation: a broker "forwarding" it again is a state conflict.
    ("broker", Action.FORWARD): {"broker": frozenset()},
    ("broker", Action.DECLINE): {"target": frozenset({"introduced"})},
    ("broker", Action.ACCEPT): {"target": frozenset({"introduced"})},
    ("broker", Action.WITHDRAW): {"broker": frozenset({"introduced"})},
}


def expires_before(now: datetime, expiry_days: int) -> datetime:
    """An open introduction whose last action is at or before this instant has expired."""
    return now - timedelta(days=expiry_days)


def expires_at(updated_at: datetime, expiry_days: int) -> datetime:
    """When an open introduction expires unless somebody acts on it."""
    return updated_at + timedelta(days=expiry_days)


def effective_state(state: str, updated_at: datetime, now: datetime, expiry_days: int) -> str:
    if state in OPEN_STATES and expires_at(updated_at, expiry_days) <= now:
        return "expired"
    return state


@dataclass(frozen=True)
class Side:
    person_id: str
    role: str  # requester or target
    accepted_at: datetime | None


@dataclass(frozen=True)
class Facts:
    """What the rules need to know about one introduction (from ``intros.details``)."""

    id: str
    kind: str
    state: str  # as stored; see effective()
    updated_at: datetime
    introduced_at: datetime | None
    broker_id: str
    sides: tuple[Side, Side]  # the two people the introduction would connect
    broker_connected_to: frozenset[str]
    sides_connected: bool
    blocks: frozenset[tuple[str, str]]

    def effective(self, now: datetime, expiry_days: int) -> str:
        return effective_state(self.state, self.updated_at, now, expiry_days)

    def role_of(self, person_id: str) -> str | None:
        if person_id == self.broker_id:
            return "broker"
        for side in self.sides:
            if side.person_id == person_id:
                return side.role
        return None

    def blocked(self, person_id: str | None = None) -> bool:
        """Whether two parties blocked each other (with person_id as one of them, if given)."""
        return any(person_id is None or person_id in pair for pair in self.blocks)

    def visible_to(self, person_id: str) -> bool:
        """Parties only; a target only once introduced (a request the broker never forwarded
        stays between requester and broker); nobody blocked with another party."""
        role = self.role_of(person_id)
        if role is None or self.blocked(person_id):
            return False
        return role != "target" or self.introduced_at is not None

    def side(self, person_id: str) -> Side:
        return next(side for side in self.sides if side.person_id == person_id)

    def other_side(self, person_id: str) -> Side:
        return next(side for side in self.sides if side.person_id != person_id)


def check(facts: Facts, action: Action, actor_id: str, now: datetime, expiry_days: int) -> str:
    """Refuse ``action`` by ``actor_id`` with the right problem, or return the actor's role.

    Order: not visible -> 404; ended by a block -> 409; wrong role -> 403; wrong (effective)
    state -> 409."""
    if not facts.visible_to(actor_id):
        raise NotFound("No such introduction.")
    if facts.blocked():
        # Not which two, nor why: the actor may be neither of them (the blocked get 404).
        raise Conflict("This introduction has ended.")
    role = facts.role_of(actor_id)
    allowed = RULES[(facts.kind, action)]
    if role not in allowed:
        raise Forbidden(
            f"As the {_role_name(facts, role)} of this introduction you cannot {action} it."
        )
    state = facts.effective(now, expiry_days)
    if state not in allowed[role]:
        raise Conflict(f"The introduction is {state}: it cannot be {action.past} now.")
    return role


def _role_name(facts: Facts, role: str) -> str:
    return "side" if facts.kind == "broker" and role == "target" else role
