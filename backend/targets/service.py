"""Target companies: a job seeker's board of up to ``MAX_TARGETS`` organizations, in their
order, with notes; each answered with how many people the seeker knows there (1st and 2nd
degree, there now and before) and the best ``PATHS_SHOWN`` ways in (docs/careers.md).

The board is graph work (``targets.board``: counts and the people on the best paths, ranked as
organizations.people ranks them; ``intros.brokers``: each 2nd-degree person's best
broker, as ``GET /v1/people/{id}/brokers`` ranks them), two reads for the whole board. The same
two queries answer a coach (backend/targets/sharing.py), with the coach as the viewer: what
they see is limited to what their own view of connection lists shows them.
"""

from __future__ import annotations

from backend.app_services import app_services, now
from backend.db import run
from backend.errors import Conflict, NotFound, Unprocessable
from backend.intros import brokers
from backend.intros.state import expires_before
from backend.months import month_of
from backend.organizations import service as organizations
from backend.organizations.people import tenure
from backend.reasons import reason

MAX_TARGETS = 50
PATHS_SHOWN = 3
# Up to this many 2-hop rows, the board joins the seeker's 2 hops with the targets' positions;
# beyond (a hub), it starts from the positions (targets.board's header says why).
REACH_LIMIT = 50_000
KIND = "company"  # targets are companies: a school's id is refused


def board(person_id: str) -> dict:
    """The caller's own board, every target in their order."""
    return {"items": board_seen_by(person_id, person_id)}


def board_seen_by(seeker_id: str, viewer_id: str) -> list[dict]:
    """The seeker's board as the viewer may see it (the seeker, or a coach it is shared with:
    the sharing module checks that first)."""
    services, at = app_services(), now()
    db = services.db
    before = expires_before(at, services.settings.intro_expiry_days)
    whose = dict(person_id=seeker_id, viewer_id=viewer_id, expires_before=before)
    rows = db.read(
        "targets.board",
        3,
        paths=PATHS_SHOWN,
        reach_limit=REACH_LIMIT,
        **whose,
        **brokers.tie_params(at),
    )
    second = sorted({p["person"]["id"] for row in rows for p in row["paths"] if p["degree"] == 2})
    found = brokers.best(seeker_id, second, limit=1, viewer_id=viewer_id)
    best = {target: ranked[0] for target, ranked in found.items()}
    own, this_month = seeker_id == viewer_id, month_of(at)
    return [_present(row, best, this_month, own) for row in rows]


def _present(row: dict, best: dict, this_month: int, own: bool) -> dict:
    return {
        **_entry(row),
        "network": {
            "first": {"current": row["first_current"], "former": row["first_former"]},
            "second": {"current": row["second_current"], "former": row["second_former"]},
        },
        "paths": [_path(path, row["organization"], best, this_month, own) for path in row["paths"]],
    }


def _path(path: dict, organization: dict, best: dict, this_month: int, own: bool) -> dict:
    """A 1st connection there, or a 2nd with their best broker (none only if the graph changed
    between the two reads) and the broker's reasons."""
    person = path["person"]
    there = tenure(path["stints"], this_month)
    broker, reasons = None, []
    if path["degree"] == 1:
        reasons = [reason("first_connection", f"1st connection, at {organization['name']} now")]
    elif found := best.get(person["id"]):
        # A coach does not see the seeker's own closeness rating of the broker.
        broker = found["person"]
        reasons = brokers.reasons(found if own else {**found, "you_rated": None}, person["name"])
    return {
        "person": person,
        "degree": path["degree"],
        "title": there["title"],
        "start": there["start"],
        "years": there["years"],
        "broker": broker,
        "reasons": reasons,
    }


def _entry(row: dict) -> dict:
    return {key: row[key] for key in ("organization", "position", "notes", "added_at")}


def _entries(tx, person_id: str) -> list[dict]:
    return [
        _entry(row)
        for row in run(tx, app_services().db.query("targets.list", 1), person_id=person_id)
    ]


def lock(tx, person_id: str) -> int:
    """Take the person's lock; how many targets they have."""
    held = run(tx, app_services().db.query("targets.lock", 1), person_id=person_id)
    if not held:
        raise NotFound("No such person.")
    return held[0]["targets"]


def add(person_id: str, *, organization: dict, notes: str | None = None) -> dict:
    """A new target, last on the board; 422 past MAX_TARGETS, 409 when it is there already."""
    db = app_services().db

    def work(tx):
        count = lock(tx, person_id)
        if count >= MAX_TARGETS:
            raise Unprocessable(
                "organization",
                f"You have {MAX_TARGETS} targets: the most there can be. Remove one first.",
            )
        found = organizations.resolve(tx, KIND, organization, "organization")
        added = run(
            tx,
            db.query("targets.add", 1),
            person_id=person_id,
            organization_id=found["id"],
            position=count + 1,
            notes=notes,
            now=now(),
        )
        if not added[0]["added"]:
            raise Conflict("This organization is on your board already.")
        return next(e for e in _entries(tx, person_id) if e["organization"]["id"] == found["id"])

    return db.write_tx(work)


def update(person_id: str, organization_id: str, **changes) -> dict:
    """Move a target to ``position`` (1 = first; past the end = last) and/or change its
    ``notes`` (null clears them)."""
    db = app_services().db

    def work(tx):
        lock(tx, person_id)
        order = [e["organization"]["id"] for e in _entries(tx, person_id)]
        if organization_id not in order:
            raise NotFound("This organization is not on your board.")
        if "position" in changes:
            order.remove(organization_id)
            order.insert(changes["position"] - 1, organization_id)
            run(tx, db.query("targets.set_order", 1), person_id=person_id, organization_ids=order)
        if "notes" in changes:
            run(
                tx,
                db.query("targets.set_notes", 1),
                person_id=person_id,
                organization_id=organization_id,
                notes=changes["notes"],
            )
        return next(
            e for e in _entries(tx, person_id) if e["organization"]["id"] == organization_id
        )

    return db.write_tx(work)


def remove(person_id: str, organization_id: str) -> None:
    """Take a target off the board; the ones after it move up."""
    db = app_services().db

    def work(tx):
        lock(tx, person_id)
        removed = run(
            tx, db.query("targets.remove", 1), person_id=person_id, organization_id=organization_id
        )
        if not removed[0]["removed"]:
            raise NotFound("This organization is not on your board.")
        order = [e["organization"]["id"] for e in _entries(tx, person_id)]
        run(tx, db.query("targets.set_order", 1), person_id=person_id, organization_ids=order)

    db.write_tx(work)
