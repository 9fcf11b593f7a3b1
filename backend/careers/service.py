"""Positions and education on profiles: relationships from the person to organization nodes.

Both are kept the same way (a :class:`Section` each): months as integers, end null = current
(for education: still studying), listed current first and then newest first. Rules: an end
never before its start, no month after the current one, at most ``MAX_ENTRIES`` of each.
An entry names its organization by id or by name (backend/organizations/service.py finds or
creates it in the same transaction). Adding a current position tells the person's connections
who target that organization (backend/targets/notices.py), in the same transaction. A change
of where or when (an entry added or deleted, its organization or dates changed) moves the
person's colleagues and classmates in suggestions: their network views take it in as a profile
change (backend/network/views.py).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from backend.app_services import app_services, now
from backend.db import run
from backend.errors import NotFound, Unprocessable
from backend.months import as_text, month_of
from backend.network.views import Change, changed
from backend.organizations import service as organizations
from backend.targets.notices import position_started

MAX_ENTRIES = 100


@dataclass(frozen=True)
class Section:
    name: str  # the query names' part and the lock's count: positions, education
    organization_field: str  # what the API calls the organization: organization, school
    kind: str  # the organization's kind: company, school
    fields: tuple[str, ...]  # what the relationship holds besides id and the organization


POSITIONS = Section(
    "positions", "organization", "company", ("title", "start", "end", "location", "description")
)
EDUCATION = Section("education", "school", "school", ("degree", "field", "start", "end"))
_SAVE = {"positions": "careers.save_position", "education": "careers.save_education"}
_DELETE = {"positions": "careers.delete_position", "education": "careers.delete_education"}


def entries(section: Section, person_id: str, entry_id: str | None = None) -> list[dict]:
    """The person's entries (or the one with ``entry_id``), current first, then newest."""
    rows = app_services().db.read(f"careers.{section.name}", 1, person_id=person_id, id=entry_id)
    return [present(section, row) for row in rows]


def present(section: Section, row: dict) -> dict:
    """An entry as the API shows it (also for a profile read in one statement)."""
    return {**row, "current": row["end"] is None}


def add(section: Section, person_id: str, **body) -> dict:
    """A new entry; 422 for bad dates or when the person has MAX_ENTRIES already."""
    _check_dates(body.get("start"), body.get("end"))
    return _save(section, person_id, uuid.uuid4().hex, body, adding=True, moves_ties=True)


def update(section: Section, person_id: str, entry_id: str, **changes) -> dict:
    """Change the fields given (null clears an optional one); the dates are checked as they
    will be after the change."""
    current = entries(section, person_id, entry_id)
    if not current:
        raise NotFound(f"You have no {section.name} entry with this id.")
    merged = {key: current[0][key] for key in section.fields}
    merged[section.organization_field] = {"id": current[0][section.organization_field]["id"]}
    merged.update(changes)
    _check_dates(merged.get("start"), merged.get("end"))
    moves_ties = bool(changes.keys() & {section.organization_field, "start", "end"})
    return _save(section, person_id, entry_id, merged, adding=False, moves_ties=moves_ties)


def delete(section: Section, person_id: str, entry_id: str) -> None:
    db = app_services().db

    def work(tx):
        deleted = run(tx, db.query(_DELETE[section.name], 1), person_id=person_id, id=entry_id)
        if not deleted[0]["deleted"]:
            raise NotFound(f"You have no {section.name} entry with this id.")
        changed(tx, Change.PROFILE_CHANGED, person_id)

    db.write_tx(work)


def _check_dates(start: int | None, end: int | None) -> None:
    this_month = month_of(now())
    for field, month in (("start", start), ("end", end)):
        if month is not None and month > this_month:
            raise Unprocessable(field, f"A month after this one ({as_text(this_month)}).")
    if start is not None and end is not None and end < start:
        raise Unprocessable("end", "The end comes before the start.")


def _save(
    section: Section, person_id: str, entry_id: str, body: dict, *, adding: bool, moves_ties: bool
) -> dict:
    db = app_services().db

    def work(tx):
        save(tx, section, person_id, entry_id, body, adding=adding)
        if moves_ties:
            changed(tx, Change.PROFILE_CHANGED, person_id)

    db.write_tx(work)
    return entries(section, person_id, entry_id)[0]


def save(tx, section: Section, person_id: str, entry_id: str, body: dict, *, adding: bool) -> None:
    """Write one entry in ``tx`` (the API's add and update, and imports): the person locked
    first (the count and the write are one step), at most MAX_ENTRIES, the organization found
    or created; a new current position tells whom it concerns. Dates are the caller's to
    check."""
    db = app_services().db
    field = section.organization_field
    held = run(tx, db.query("careers.lock_person", 1), person_id=person_id)
    if not held:
        raise NotFound("No such person.")
    if adding and held[0][section.name] >= MAX_ENTRIES:
        raise Unprocessable(
            field, f"You have {MAX_ENTRIES} {section.name} entries: the most there can be."
        )
    organization = organizations.resolve(tx, section.kind, body[field], field)
    run(
        tx,
        db.query(_SAVE[section.name], 1),
        person_id=person_id,
        id=entry_id,
        organization_id=organization["id"],
        fields={key: body.get(key) for key in section.fields},
        now=now(),
    )
    if adding and section is POSITIONS and body.get("end") is None:
        position_started(tx, person_id, organization["id"], entry_id)


def headline(positions: list[dict]) -> str | None:
    """ "Title at Employer" of the current position that started last (positions come current
    first, newest first), for a profile without a headline of its own."""
    current = next((p for p in positions if p["end"] is None), None)
    return f"{current['title']} at {current['organization']['name']}" if current else None


def current_people(organization_id: str | None, title: str | None) -> list[str]:
    """The ids of the people there now (at the organization; with a current title containing
    ``title``, any case), for search's filters."""
    rows = app_services().db.read(
        "careers.current_people",
        1,
        organization_id=organization_id or None,
        title=(title or "").lower() or None,
    )
    return rows[0]["ids"]
