"""Connection requests (REQUESTED): send, accept, ignore, withdraw, and the sending limits.

Rules the issue leaves open, chosen here:
- a request to someone who already asked you connects the two at once (200, no quota used);
- an ignored request stays visible to its sender as pending and counts toward their limits;
  only pending (not ignored) requests can be accepted or ignored by the recipient;
- withdrawing puts the sender's requests to that person on hold for
  ``resend_wait_days`` (429 + Retry-After until then); ignoring with reason ``dont_know``
  puts them on hold for good (403), and the hold outlives a later withdrawal;
- connecting the two (either way) lifts every hold between them;
- at ``max_pending_outgoing`` requests, sending answers 429 with Retry-After one day (the
  sender frees slots by withdrawing); ``max_requests_per_week`` counts requests sent in
  the last 7 days (rolling), withdrawn ones included, and Retry-After is when the oldest of
  them leaves the window. Send times are kept on the sender, pruned to the window.
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta
from functools import partial

from backend.app_services import app_services, now
from backend.connections.pair import visible_state
from backend.db import run
from backend.errors import Conflict, Forbidden, NotFound, TooManyRequests, Unprocessable
from backend.network.views import Change, changed
from backend.notifications.outbox import notify
from backend.pagination import newest_first, person_id_of

DONT_KNOW = "dont_know"
IGNORE_REASONS = (DONT_KNOW,)
WITHDRAWN = "withdrawn"
REQUEST_WINDOW = timedelta(days=7)
PENDING_LIMIT_RETRY = timedelta(days=1)


def _seconds_until(moment: datetime, at: datetime) -> int:
    return max(1, math.ceil((moment - at).total_seconds()))


def send(sender_id: str, *, to: str, note: str | None = None) -> tuple[dict, bool]:
    """A new request to ``to`` (``(request, False)``), or the connection it became because
    they had already asked the sender (``(connection, True)``)."""
    recipient_id = to
    if sender_id == recipient_id:
        raise Unprocessable("to", "You cannot send yourself a request.")
    settings, at = app_services().settings, now()

    def work(tx):
        state = visible_state(tx, sender_id, recipient_id)
        if state["connected"]:
            raise Conflict("You are already connected.")
        if state["outgoing"]:
            raise Conflict("You already have a pending request to this person.")
        if state["incoming"]:
            return _connect(tx, sender_id, recipient_id, at), True
        _check_hold(state["hold"], at)
        _check_budget(tx, sender_id, at, settings)
        request = run(
            tx,
            app_services().db.query("connections.create_request", 1),
            sender_id=sender_id,
            recipient_id=recipient_id,
            note=note or None,
            now=at,
            window_start=at - REQUEST_WINDOW,
        )[0]
        notify(
            tx,
            "connection.requested",
            recipient_id,
            sender_id,
            {"person_id": sender_id, "note": note or None},
        )
        return request, False

    return app_services().db.write_tx(work)


def _check_hold(hold: dict | None, at: datetime) -> None:
    if hold is None:
        return
    if hold["until"] is None:
        raise Forbidden("You cannot send this person a request.")
    until = hold["until"].to_native()
    if until > at:
        raise TooManyRequests(
            "You withdrew a request to this person recently; you can send another later.",
            _seconds_until(until, at),
        )


def _check_budget(tx, sender_id: str, at: datetime, settings) -> None:
    budget = run(
        tx,
        app_services().db.query("connections.request_budget", 1),
        person_id=sender_id,
        since=at - REQUEST_WINDOW,
    )[0]
    if budget["pending_outgoing"] >= settings.max_pending_outgoing:
        raise TooManyRequests(
            f"You have {budget['pending_outgoing']} pending requests, the most allowed; "
            "withdraw some to send new ones.",
            PENDING_LIMIT_RETRY.total_seconds(),
        )
    sent = budget["sent_since"]
    if len(sent) >= settings.max_requests_per_week:
        # The window frees a slot when the oldest requests in it age out.
        oldest_counted = sorted(sent)[len(sent) - settings.max_requests_per_week]
        raise TooManyRequests(
            f"You sent {len(sent)} requests in the last 7 days, the most allowed.",
            _seconds_until(oldest_counted.to_native() + REQUEST_WINDOW, at),
        )


def accept(recipient_id: str, sender_id: str) -> dict:
    """The connection that replaces the sender's pending request, in one transaction."""
    at = now()

    def work(tx):
        state = visible_state(tx, recipient_id, sender_id)
        if state["incoming"] != "pending":
            if state["connected"]:
                raise Conflict("You are already connected.")
            raise NotFound("No pending request from this person.")
        return _connect(tx, recipient_id, sender_id, at)

    return app_services().db.write_tx(work)


def _connect(tx, person_id: str, other_id: str, at: datetime) -> dict:
    """``person_id`` accepts ``other_id``'s request (or asked back): ``other_id`` is told."""
    notify(
        tx,
        "connection.accepted",
        other_id,
        person_id,
        {"person_id": person_id},
    )
    connection = run(
        tx,
        app_services().db.query("connections.connect", 1),
        person_id=person_id,
        other_id=other_id,
        now=at,
    )[0]
    changed(tx, Change.CONNECTED, person_id, other_id)  # after: its deltas read the connection
    return connection


def ignore(recipient_id: str, sender_id: str, *, reason: str | None = None) -> None:
    """Silently set aside: the sender keeps seeing the request as pending."""
    at = now()

    def work(tx):
        state = visible_state(tx, recipient_id, sender_id)
        if state["incoming"] != "pending":
            raise NotFound("No pending request from this person.")
        run(
            tx,
            app_services().db.query("connections.ignore_request", 1),
            sender_id=sender_id,
            recipient_id=recipient_id,
            now=at,
        )
        if reason == DONT_KNOW:
            run(
                tx,
                app_services().db.query("connections.hold_requests", 1),
                sender_id=sender_id,
                recipient_id=recipient_id,
                reason=DONT_KNOW,
                now=at,
                until=None,
            )

    app_services().db.write_tx(work)


def withdraw(sender_id: str, recipient_id: str) -> None:
    settings, at = app_services().settings, now()

    def work(tx):
        state = visible_state(tx, sender_id, recipient_id)
        if not state["outgoing"]:
            raise NotFound("No request of yours to this person.")
        run(
            tx,
            app_services().db.query("connections.withdraw_request", 1),
            sender_id=sender_id,
            recipient_id=recipient_id,
        )
        # The two may be suggested to each other again.
        changed(tx, Change.REQUEST_WITHDRAWN, sender_id, recipient_id)
        if not (state["hold"] and state["hold"]["reason"] == DONT_KNOW):
            run(
                tx,
                app_services().db.query("connections.hold_requests", 1),
                sender_id=sender_id,
                recipient_id=recipient_id,
                reason=WITHDRAWN,
                now=at,
                until=at + timedelta(days=settings.resend_wait_days),
            )

    app_services().db.write_tx(work)


def incoming(person_id: str, *, limit: int, cursor: str | None) -> dict:
    return _list("connections.incoming_requests", person_id, limit, cursor)


def outgoing(person_id: str, *, limit: int, cursor: str | None) -> dict:
    return _list("connections.outgoing_requests", person_id, limit, cursor)


def _list(query_name: str, person_id: str, limit: int, cursor: str | None) -> dict:
    read = partial(app_services().db.read, query_name, 1, person_id=person_id)
    return newest_first(read, limit, cursor, person_id_of)
