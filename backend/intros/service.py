"""Introductions: asking for one, brokering one, moving it through its states, follow-ups.

As every service, these functions take the caller's id, then the ids the path names, then what
the request asked for as keywords; the database, the settings and the clock come from
``app_services()`` and ``now()`` (the demo seeder back-dates its history with
``backdated``). Each change is one write transaction: it locks what it checks (the introduction,
or the requester's quota), reads the facts, refuses with a problem — which rolls the
transaction back, leaving the graph unchanged — or writes with a compare-and-set query.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from functools import partial

from backend.app_services import app_services, now
from backend.db import Database, run
from backend.errors import Conflict, Forbidden, NotFound, TooManyRequests, Unprocessable
from backend.intros import notices
from backend.intros.state import (
    OPEN_STATES,
    Action,
    Facts,
    Side,
    check,
    expires_at,
    expires_before,
)
from backend.network.views import Change, changed
from backend.pagination import newest_first
from backend.pair_keys import connection_key

GENERIC_REFUSAL = "These two people cannot be introduced."


def _native(value):
    """neo4j.time values as Python datetimes (other values unchanged)."""
    return value.to_native() if hasattr(value, "to_native") else value


def _details(tx, db: Database, intro_ids: list[str]) -> list[dict]:
    rows = run(tx, db.query("intros.details", 1), intro_ids=intro_ids)
    for row in rows:
        row["intro"] = {key: _native(value) for key, value in row["intro"].items()}
        for target in row["targets"]:
            target["accepted_at"] = _native(target["accepted_at"])
    return rows


def _load(tx, db: Database, intro_id: str) -> tuple[Facts, dict]:
    rows = _details(tx, db, [intro_id])
    if not rows:
        raise NotFound("No such introduction.")
    return _facts(rows[0]), rows[0]


def _sides(row: dict) -> list[dict]:
    """The two people the introduction would connect; a requester opted in by asking."""
    intro = row["intro"]
    sides = [
        {"person": target["person"], "role": "target", "accepted_at": target["accepted_at"]}
        for target in row["targets"]
    ]
    if row["requester"] is not None:
        sides.insert(
            0, {"person": row["requester"], "role": "requester", "accepted_at": intro["created_at"]}
        )
    return sides


def _facts(row: dict) -> Facts:
    intro = row["intro"]
    sides = tuple(Side(s["person"]["id"], s["role"], s["accepted_at"]) for s in _sides(row))
    return Facts(
        id=intro["id"],
        kind=intro["kind"],
        state=intro["state"],
        updated_at=intro["updated_at"],
        introduced_at=intro.get("introduced_at"),
        broker_id=row["broker"]["id"],
        sides=sides,
        broker_connected_to=frozenset(row["broker_connected_to"]),
        sides_connected=row["sides_connected"],
        blocks=frozenset(map(tuple, row["blocks"])),
    )


def _present(row: dict, viewer_id: str, at: datetime, expiry_days: int) -> dict:
    """An introduction as its parties see it (IntroductionSchema)."""
    facts = _facts(row)
    intro = row["intro"]
    state = facts.effective(at, expiry_days)
    open_ = state in OPEN_STATES
    role = facts.role_of(viewer_id)
    if role == "target":  # the requester wrote the message to the broker, not to the target
        intro = {**intro, "message": None}
    return {
        **intro,
        "state": state,
        "your_role": role,
        "broker": row["broker"],
        "sides": _sides(row),
        "expires_at": expires_at(intro["updated_at"], expiry_days) if open_ else None,
    }


# -- creating ------------------------------------------------------------------------------


def request_intro(requester_id: str, *, target: str, broker: str, message: str) -> dict:
    """Ask ``broker`` to introduce the requester to ``target``: 201 ``requested``."""
    db, at = app_services().db, now()
    target_id, broker_id = target, broker
    if target_id == requester_id:
        raise Unprocessable("target", "You cannot ask for an introduction to yourself.")
    if broker_id in (requester_id, target_id):
        raise Unprocessable("broker", "The broker must be someone other than you and the target.")
    settings = app_services().settings
    intro_id = str(uuid.uuid4())  # made outside the transaction function: retries reuse it
    pair = connection_key(requester_id, target_id)
    cutoff = expires_before(at, settings.intro_expiry_days)

    def work(tx):
        # Lock the requester first: two requests of one person check the quota in turn.
        run(tx, db.query("connections.lock_pair", 1), person_ids=[requester_id])
        ctx = run(
            tx,
            db.query("intros.context", 2),
            broker_id=broker_id,
            x_id=requester_id,
            y_id=target_id,
            pair=pair,
            expires_before=cutoff,
        )[0]
        if not ctx["y_exists"] or ctx["x_y_blocked"]:
            raise NotFound("No such person (target).")
        if not ctx["broker_exists"] or ctx["broker_x_blocked"]:
            raise NotFound("No such person (broker).")
        if ctx["x_y_connected"]:
            raise Conflict("You are already connected to this person.")
        if ctx["y_opted_out"]:
            raise Unprocessable("target", f"{ctx['y_name']} does not accept introductions.")
        if not (ctx["broker_x_connected"] and ctx["broker_y_connected"]) or ctx["broker_y_blocked"]:
            raise Unprocessable(
                "broker", f"The broker must be a 1st connection of both you and {ctx['y_name']}."
            )
        if ctx["open_id"] is not None:
            raise Conflict("There is already an open introduction between you and this person.")
        if ctx["x_open_requests"] >= settings.max_open_intros:
            # A slot frees when the oldest open request expires (at the latest).
            oldest = _native(ctx["x_oldest_open_at"]) or at  # none open: a limit of 0
            frees_at = expires_at(oldest, settings.intro_expiry_days)
            raise TooManyRequests(
                f"You have {ctx['x_open_requests']} open introduction requests, the most allowed "
                f"({settings.max_open_intros}); withdraw one or wait until one is answered or expires.",
                retry_after_seconds=(frees_at - at).total_seconds(),
            )
        notices.requested(tx, intro_id, requester_id, broker_id, target_id)
        return _create(
            tx,
            "intros.create_request",
            intro_id,
            pair,
            cutoff,
            at,
            requester_id=requester_id,
            broker_id=broker_id,
            target_id=target_id,
            message=message,
        )

    return _present(db.write_tx(work), requester_id, at, settings.intro_expiry_days)


def introduce(broker_id: str, *, between: list[str], note: str) -> dict:
    """The broker introduces two of their own connections: 201 ``introduced``, both to accept."""
    db, at = app_services().db, now()
    a_id, b_id = between
    if a_id == b_id:
        raise Unprocessable("between", "Name two different people.")
    if broker_id in (a_id, b_id):
        raise Unprocessable("between", "Introduce two people other than yourself.")
    expiry_days = app_services().settings.intro_expiry_days
    intro_id = str(uuid.uuid4())
    pair = connection_key(a_id, b_id)
    cutoff = expires_before(at, expiry_days)

    def work(tx):
        ctx = run(
            tx,
            db.query("intros.context", 2),
            broker_id=broker_id,
            x_id=a_id,
            y_id=b_id,
            pair=pair,
            expires_before=cutoff,
        )[0]
        if (
            not ctx["x_exists"]
            or ctx["broker_x_blocked"]
            or not ctx["y_exists"]
            or ctx["broker_y_blocked"]
        ):
            raise NotFound("No such person.")
        if not (ctx["broker_x_connected"] and ctx["broker_y_connected"]):
            raise Unprocessable(
                "between", "You can only introduce two of your own 1st connections."
            )
        if ctx["x_y_connected"]:
            raise Conflict("They are already connected.")
        for opted_out, name in (
            (ctx["x_opted_out"], ctx["x_name"]),
            (ctx["y_opted_out"], ctx["y_name"]),
        ):
            if opted_out:
                raise Unprocessable("between", f"{name} does not accept introductions.")
        if ctx["x_y_kept_apart"]:
            # One refusal for a block and for "I don't know them": the broker learns neither.
            raise Unprocessable("between", GENERIC_REFUSAL)
        if ctx["open_id"] is not None:
            raise Conflict("There is already an open introduction between these two people.")
        notices.introduced(tx, intro_id, broker_id, [a_id, b_id])
        return _create(
            tx,
            "intros.create_between",
            intro_id,
            pair,
            cutoff,
            at,
            broker_id=broker_id,
            a_id=a_id,
            b_id=b_id,
            note=note,
        )

    return _present(db.write_tx(work), broker_id, at, expiry_days)


def _create(
    tx, query_name: str, intro_id: str, pair: str, cutoff: datetime, at: datetime, **params
) -> dict:
    """A new introduction of the pair (the pair's open ones past expiry end first, as
    expired): its details."""
    db = app_services().db
    run(tx, db.query("intros.expire_pair", 1), pair=pair, expires_before=cutoff)
    run(tx, db.query(query_name, 1), intro_id=intro_id, pair=pair, now=at, **params)
    return _details(tx, db, [intro_id])[0]


# -- reading ---------------------------------------------------------------------------------


def get(viewer_id: str, intro_id: str) -> dict:
    db, at = app_services().db, now()
    facts, row = db.read_tx(lambda tx: _load(tx, db, intro_id))
    if not facts.visible_to(viewer_id):
        raise NotFound("No such introduction.")
    return _present(row, viewer_id, at, app_services().settings.intro_expiry_days)


def list_mine(
    person_id: str,
    *,
    role: str | None = None,
    state: list[str] | None = None,
    limit: int,
    cursor: str | None,
) -> dict:
    """The introductions the person takes part in, newest first; filtered by role and states."""
    db, at = app_services().db, now()
    expiry_days = app_services().settings.intro_expiry_days

    def work(tx):
        read = partial(
            run,
            tx,
            db.query("intros.list_mine", 2),
            person_id=person_id,
            role=role,
            states=state or None,
            expires_before=expires_before(at, expiry_days),
        )
        result = newest_first(read, limit, cursor, id_of=lambda row: row["id"])
        result["items"] = _details(tx, db, [row["id"] for row in result["items"]])
        return result

    result = db.read_tx(work)
    result["items"] = [_present(row, person_id, at, expiry_days) for row in result["items"]]
    return result


# -- transitions -----------------------------------------------------------------------------


def forward(broker_id: str, intro_id: str, *, note: str) -> dict:
    """The broker passes a request on to the target with a note (requested -> introduced)."""
    db, at = app_services().db, now()

    def effect(tx, facts: Facts, row: dict, role: str) -> list:
        names = {side["person"]["id"]: side["person"]["name"] for side in _sides(row)}
        lost = [
            names[side.person_id]
            for side in facts.sides
            if side.person_id not in facts.broker_connected_to
        ]
        if lost:
            raise Conflict(
                "You can no longer forward this introduction: you are not connected "
                f"to {' and '.join(lost)} any more."
            )
        if facts.sides_connected:
            raise Conflict("They are already connected.")
        requester, target = (side.person_id for side in facts.sides)
        ctx = run(
            tx,
            db.query("intros.context", 2),
            broker_id=broker_id,
            x_id=requester,
            y_id=target,
            pair=connection_key(requester, target),
            expires_before=expires_before(at, app_services().settings.intro_expiry_days),
        )[0]
        if ctx["y_opted_out"]:  # since the request: the target's word now is what counts
            raise Conflict(f"{ctx['y_name']} does not accept introductions any more.")
        return run(tx, db.query("intros.forward", 1), intro_id=facts.id, note=note, now=at)

    return _transition(db, at, intro_id, broker_id, Action.FORWARD, effect)


def decline(person_id: str, intro_id: str) -> dict:
    """The broker (while requested) or the target (while introduced) says no."""
    db, at = app_services().db, now()
    return _transition(db, at, intro_id, person_id, Action.DECLINE, _ending(db, at, "declined"))


def withdraw(person_id: str, intro_id: str) -> dict:
    """Whoever started it takes it back while it is open."""
    db, at = app_services().db, now()
    return _transition(db, at, intro_id, person_id, Action.WITHDRAW, _ending(db, at, "withdrawn"))


def accept(person_id: str, intro_id: str) -> dict:
    """A side accepts; the last acceptance connects the two sides in this same transaction."""
    db, at = app_services().db, now()

    def effect(tx, facts: Facts, row: dict, role: str) -> list:
        if facts.side(person_id).accepted_at is not None:
            raise Conflict("You already accepted; the introduction waits for the other side.")
        if facts.other_side(person_id).accepted_at is None:
            return run(
                tx,
                db.query("intros.accept_side", 1),
                intro_id=facts.id,
                person_id=person_id,
                now=at,
            )
        a_id, b_id = (side.person_id for side in facts.sides)
        # The same person locks a connection request takes: whichever connects them first,
        # the other sees the connection and adds none.
        run(tx, db.query("connections.lock_pair", 1), person_ids=[a_id, b_id])
        completed = run(
            tx,
            db.query("intros.complete", 1),
            intro_id=facts.id,
            person_id=person_id,
            a_id=a_id,
            b_id=b_id,
            pair=connection_key(a_id, b_id),
            now=at,
        )
        changed(tx, Change.CONNECTED, a_id, b_id)  # after: its deltas read the connection
        return completed

    return _transition(db, at, intro_id, person_id, Action.ACCEPT, effect)


def _ending(db: Database, at: datetime, to_state: str) -> Callable[..., list]:
    """The effect of declining or withdrawing: the introduction ends in ``to_state``."""

    def effect(tx, facts: Facts, row: dict, role: str) -> list:
        return run(
            tx,
            db.query("intros.end", 1),
            intro_id=facts.id,
            from_state=facts.state,
            to_state=to_state,
            ended_by=role,
            now=at,
        )

    return effect


def _transition(
    db: Database,
    at: datetime,
    intro_id: str,
    actor_id: str,
    action: Action,
    effect: Callable[..., list],
) -> dict:
    """One action as one compare-and-set write transaction: lock the introduction, check the
    state machine's rules, then ``effect(tx, facts, row, role)`` writes the change."""
    expiry_days = app_services().settings.intro_expiry_days

    def work(tx):
        if not run(tx, db.query("intros.lock", 1), intro_id=intro_id):
            raise NotFound("No such introduction.")
        facts, row = _load(tx, db, intro_id)
        role = check(facts, action, actor_id, at, expiry_days)
        if not effect(tx, facts, row, role):
            # Cannot happen under the lock; refuse rather than report a non-change.
            raise Conflict("The introduction changed meanwhile; read it again.")
        after = _details(tx, db, [intro_id])[0]
        notices.acted(tx, facts, action, actor_id, after["intro"]["state"])
        return after

    return _present(db.write_tx(work), actor_id, at, expiry_days)


# -- follow-ups ------------------------------------------------------------------------------


def _check_side(facts: Facts, person_id: str) -> None:
    if not facts.visible_to(person_id):
        raise NotFound("No such introduction.")
    if facts.role_of(person_id) == "broker":
        raise Forbidden("Follow-ups belong to the two people introduced.")


def add_follow_up(
    person_id: str, intro_id: str, *, kind: str, at: datetime | None, note: str | None
) -> dict:
    """Record a call, coffee, video chat or meeting (``at``: when, if given) on an accepted
    introduction."""
    db, recorded_at = app_services().db, now()
    follow_up_id = str(uuid.uuid4())

    def work(tx):
        facts, _ = _load(tx, db, intro_id)
        _check_side(facts, person_id)
        if facts.state != "accepted":
            raise Conflict("Follow-ups are recorded on accepted introductions only.")
        follow_up = run(
            tx,
            db.query("intros.add_follow_up", 1),
            intro_id=intro_id,
            follow_up_id=follow_up_id,
            kind=kind,
            at=at,
            note=note,
            recorded_by=person_id,
            now=recorded_at,
        )[0]["follow_up"]
        notices.follow_up(tx, facts, person_id, follow_up)
        return follow_up

    return _present_follow_up(db.write_tx(work))


def list_follow_ups(person_id: str, intro_id: str, *, limit: int, cursor: str | None) -> dict:
    """The follow-ups of an introduction, newest recorded first (the two sides only)."""
    db = app_services().db

    def work(tx):
        facts, _ = _load(tx, db, intro_id)
        _check_side(facts, person_id)
        read = partial(run, tx, db.query("intros.follow_ups", 2), intro_id=intro_id)
        return newest_first(read, limit, cursor, id_of=lambda row: row["follow_up"]["id"])

    result = db.read_tx(work)
    result["items"] = [_present_follow_up(row["follow_up"]) for row in result["items"]]
    return result


def _present_follow_up(follow_up: dict) -> dict:
    return {key: _native(value) for key, value in follow_up.items()}
