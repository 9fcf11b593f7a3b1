"""Recommendations and skill endorsements: who may write, ask, accept, hide and endorse.

A recommendation's life: ``requested`` (the subject asked the author) -> ``pending`` (written,
awaiting the subject) -> ``accepted`` (shown on the profile) <-> ``hidden``; ``declined`` ends a
request (by the author) or a pending one (by the subject). Only 1st connections write, ask or
endorse; removing the connection keeps accepted recommendations, blocking removes them.
"""

from __future__ import annotations

import uuid
from functools import partial

from backend.app_services import app_services, now
from backend.db import run
from backend.errors import Conflict, Forbidden, NotFound, Unprocessable
from backend.network.service import require_visible
from backend.notifications.outbox import notify
from backend.pagination import newest_first

# Endorsers shown per skill (the profile and the endorsements page).
ENDORSEMENT_SAMPLE_SIZE = 3
# action -> (who acts, from state, to state); decline depends on the state (see _rule).
TRANSITIONS = {
    "accept": ("subject", "pending", "accepted"),
    "hide": ("subject", "accepted", "hidden"),
    "show": ("subject", "hidden", "accepted"),
    "fulfil": ("author", "requested", "pending"),
}


def _check_pair(tx, author_id: str, subject_id: str) -> dict:
    """The author/subject context, or the refusal that applies. Both people are locked first
    (as blocks lock them), so a block racing this write runs wholly before or after it."""
    if author_id == subject_id:
        raise Unprocessable("person_id", "You cannot recommend or endorse yourself.")
    db = app_services().db
    run(tx, db.query("connections.lock_pair", 1), person_ids=[author_id, subject_id])
    context = run(
        tx,
        db.query("recommendations.context", 1),
        author_id=author_id,
        subject_id=subject_id,
    )[0]
    if not context["subject_exists"] or context["blocked"]:
        raise NotFound("No such person.")
    if not context["connected"]:
        raise Unprocessable("person_id", "Only 1st connections can recommend each other.")
    return context


def write(author_id: str, subject_id: str, *, relationship: str, text: str) -> dict:
    """Write a recommendation for a 1st connection; fulfils their open request if any."""

    def work(tx):
        context = _check_pair(tx, author_id, subject_id)
        db = app_services().db
        if context["open_state"] == "requested":
            run(
                tx,
                db.query("recommendations.transition", 1),
                rec_id=context["open_id"],
                from_state="requested",
                to_state="pending",
                relationship=relationship,
                text=text,
                now=now(),
            )
            _received(tx, context["open_id"], author_id, subject_id)
            return context["open_id"]
        if context["open_id"] is not None:
            raise Conflict(
                f"You already have a recommendation for this person ({context['open_state']})."
            )
        rec_id = _create(tx, author_id, subject_id, "pending", relationship=relationship, text=text)
        _received(tx, rec_id, author_id, subject_id)
        return rec_id

    return get(author_id, app_services().db.write_tx(work))


def _received(tx, rec_id: str, author_id: str, subject_id: str) -> None:
    notify(
        tx,
        "recommendation.received",
        subject_id,
        author_id,
        {"recommendation_id": rec_id},
    )


def _create(
    tx,
    author_id: str,
    subject_id: str,
    state: str,
    relationship: str | None = None,
    text: str | None = None,
    message: str | None = None,
) -> str:
    """A new recommendation (written: pending; asked for: requested); its id."""
    rec_id = uuid.uuid4().hex
    run(
        tx,
        app_services().db.query("recommendations.create", 1),
        rec_id=rec_id,
        author_id=author_id,
        subject_id=subject_id,
        state=state,
        relationship=relationship,
        text=text,
        message=message,
        now=now(),
    )
    return rec_id


def ask(subject_id: str, author_id: str, *, message: str | None) -> dict:
    """Ask a 1st connection to write a recommendation for me."""

    def work(tx):
        context = _check_pair(tx, author_id, subject_id)
        if context["open_id"] is not None:
            raise Conflict(
                f"There is already a recommendation from this person ({context['open_state']})."
            )
        rec_id = _create(tx, author_id, subject_id, "requested", message=message)
        notify(
            tx,
            "recommendation.requested",
            author_id,
            subject_id,
            {"recommendation_id": rec_id},
        )
        return rec_id

    return get(subject_id, app_services().db.write_tx(work))


def get(viewer_id: str, rec_id: str) -> dict:
    """A recommendation as its author or subject sees it; 404 for anyone else."""
    rows = app_services().db.read("recommendations.get", 1, rec_id=rec_id)
    if not rows or viewer_id not in (rows[0]["author"]["id"], rows[0]["subject"]["id"]):
        raise NotFound("No such recommendation.")
    return _item(rows[0])


def _rule(action: str, rec: dict) -> tuple[str, str, str]:
    """(who acts, from state, to state): the author declines a request, the subject a
    pending recommendation."""
    if action == "decline":
        if rec["recommendation"]["state"] == "requested":
            return "author", "requested", "declined"
        return "subject", "pending", "declined"
    return TRANSITIONS[action]


def act(
    actor_id: str,
    rec_id: str,
    action: str,
    *,
    relationship: str | None = None,
    text: str | None = None,
) -> dict:
    """accept, hide, show, decline or fulfil, as a compare-and-set on the state."""
    db = app_services().db

    def work(tx):
        rows = run(tx, db.query("recommendations.get", 1), rec_id=rec_id)
        if not rows or actor_id not in (rows[0]["author"]["id"], rows[0]["subject"]["id"]):
            raise NotFound("No such recommendation.")
        # Lock the two as a block does, then read again: a block that ran meanwhile removed it.
        ends = [rows[0]["author"]["id"], rows[0]["subject"]["id"]]
        run(tx, db.query("connections.lock_pair", 1), person_ids=ends)
        rows = run(tx, db.query("recommendations.get", 1), rec_id=rec_id)
        if not rows:
            raise NotFound("No such recommendation.")
        rec = rows[0]
        role, from_state, to_state = _rule(action, rec)
        if rec[role]["id"] != actor_id:
            raise Forbidden(f"Only the recommendation's {role} can {action} it.")
        if rec["recommendation"]["state"] != from_state:
            raise Conflict(
                f"Cannot {action} a recommendation that is {rec['recommendation']['state']}."
            )
        if not run(
            tx,
            db.query("recommendations.transition", 1),
            rec_id=rec_id,
            from_state=from_state,
            to_state=to_state,
            relationship=relationship,
            text=text,
            now=now(),
        ):
            raise Conflict("The recommendation changed meanwhile; reload it.")

    db.write_tx(work)
    return get(actor_id, rec_id)


def list_mine(
    person_id: str, *, role: str, state: str | None, limit: int, cursor: str | None
) -> dict:
    """Recommendations the person received or gave, newest first; filtered by state."""
    read = partial(
        app_services().db.read,
        "recommendations.list_mine",
        2,
        person_id=person_id,
        role=role,
        states=[state] if state else None,
    )
    return _items(newest_first(read, limit, cursor, _rec_id))


def visible_for(viewer_id: str, subject_id: str, *, limit: int, cursor: str | None) -> dict:
    """The subject's accepted recommendations the viewer may see, newest first; NotFound when
    the subject does not exist or a block stands between the two (as for the profile)."""
    db = app_services().db

    def work(tx):
        require_visible(tx, viewer_id, subject_id)
        read = partial(
            run,
            tx,
            db.query("recommendations.visible_for", 2),
            subject_id=subject_id,
            viewer_id=viewer_id,
        )
        return newest_first(read, limit, cursor, _rec_id)

    return _items(db.read_tx(work))


def _rec_id(row: dict) -> str:
    return row["recommendation"]["id"]


def _items(result: dict) -> dict:
    return {**result, "items": [_item(row) for row in result["items"]]}


def endorse(endorser_id: str, person_id: str, *, skill: str) -> None:
    def work(tx):
        context = _check_pair(tx, endorser_id, person_id)
        if skill not in (context["subject_skills"] or []):
            raise NotFound(f"The skill {skill!r} is not on this person's profile.")
        run(
            tx,
            app_services().db.query("recommendations.endorse", 1),
            endorser_id=endorser_id,
            person_id=person_id,
            skill=skill,
            now=now(),
        )
        # Endorsing twice is one endorsement: one notification.
        notify(
            tx,
            "endorsement.received",
            person_id,
            endorser_id,
            {"skill": skill},
            dedup_key=f"endorsement|{endorser_id}|{person_id}|{skill}",
        )

    app_services().db.write_tx(work)


def unendorse(endorser_id: str, person_id: str, *, skill: str) -> None:
    app_services().db.write(
        "recommendations.unendorse", 1, endorser_id=endorser_id, person_id=person_id, skill=skill
    )


def endorsements(
    viewer_id: str, person_id: str, sample_size: int = ENDORSEMENT_SAMPLE_SIZE
) -> list[dict]:
    """Per skill on the profile: endorsement count and endorsers, the viewer's connections
    first; NotFound when the person does not exist or a block stands between the two."""
    db = app_services().db

    def work(tx):
        require_visible(tx, viewer_id, person_id)
        return run(
            tx,
            db.query("recommendations.endorsement_summary", 2),
            person_id=person_id,
            viewer_id=viewer_id,
            sample_size=sample_size,
        )

    return db.read_tx(work)


def _item(row: dict) -> dict:
    item = dict(row["recommendation"])
    item["created_at"] = item["created_at"].to_native()
    if item.get("updated_at") is not None:
        item["updated_at"] = item["updated_at"].to_native()
    item["author"] = row["author"]
    if "subject" in row:
        item["subject"] = row["subject"]
    return item
