"""Importing a LinkedIn export (POST /v1/me/imports, and `mutuals seed import --format
linkedin` for a group): the importer's own profile and history, then every Connections.csv
row as a private contact, matched to a member when it names one (docs/import-linkedin.md).

Nothing is written when a file is malformed: the whole upload is read and checked first
(backend/imports/linkedin.py). The profile and history are one transaction; the contacts go
in batches of ``BATCH`` rows, each its own transaction (a 30,000-row file is never one huge
transaction) with the matches and connections its rows make (matches.settle: a handful of
statements for all of them), each idempotent: importing the same export again adds nothing,
and an import cut short is finished by importing again. What a match leads to is backend/imports/matches.py.
"""

from __future__ import annotations

import uuid
from collections import Counter

from backend.app_services import app_services, now
from backend.careers import service as careers
from backend.careers.schemas import DESCRIPTION_MAX, TITLE_MAX
from backend.db import run
from backend.errors import Unprocessable
from backend.imports import linkedin
from backend.imports.identity import email_hash
from backend.imports.matches import Match, settle
from backend.months import month_of
from backend.network.parts import PROFILE_SCORED
from backend.network.views import Change, changed
from backend.organizations.names import name_key, profile_key, tokens
from backend.organizations.schemas import ORGANIZATION_NAME_MAX
from backend.schemas import HEADLINE_MAX, SHORT_MAX, SUMMARY_MAX

# Contacts per write transaction: each runs a fixed handful of statements. 3,000 saved
# nothing over 1,000 when measured back to back (bench/RESULTS.md, "LinkedIn imports", Run
# 4b), and 1,000 keeps each transaction further inside a request's transaction bound
# (MUTUALS_DB_TIMEOUT_S) on a loaded machine.
BATCH = 1_000
PROFILE_LIMITS = {
    "headline": HEADLINE_MAX,
    "summary": SUMMARY_MAX,
    "industry": SHORT_MAX,
    "location": SHORT_MAX,
}
COUNTS = (
    "contacts_added",
    "matched_members",
    "connections_made",
    "suggestions_added",
    "already_connected",
    "unmatched",
)


def import_files(person_id: str, *, files: list[tuple[str, bytes]], overwrite: bool) -> dict:
    """Import uploaded files (the zip, or any of the four CSVs); the report. 422 naming
    ``file:line`` when one is malformed, with nothing written."""
    try:
        export = linkedin.read_files(files)
    except linkedin.Malformed as error:
        raise Unprocessable("file", str(error)) from None
    if not export.layouts:
        raise Unprocessable(
            "file",
            "No LinkedIn export file: send the zip, or Connections.csv, Positions.csv, "
            "Education.csv or Profile.csv.",
        )
    return import_export(person_id, export, overwrite=overwrite)


def import_export(person_id: str, export: linkedin.Export, *, overwrite: bool) -> dict:
    """Write a checked export for ``person_id``; the report."""
    db = app_services().db
    report = {
        "files": sorted(export.layouts),
        "rows_read": export.rows_read,
        **dict.fromkeys(COUNTS, 0),
        "profile_fields": [],
        "positions_added": 0,
        "education_added": 0,
        "skipped": list(export.skipped),
    }
    if export.profile or export.positions or export.education:
        history = db.write_tx(_history, person_id, export, overwrite)
        report["skipped"] += history.pop("skipped")
        report.update(history)
    rows, duplicates = contact_rows(person_id, export.connections)
    report["skipped"] += duplicates
    members = set()
    for start in range(0, len(rows), BATCH):
        counts, matched = db.write_tx(_contacts, person_id, rows[start : start + BATCH])
        for key, value in counts.items():
            report[key] += value
        members |= matched
    report["matched_members"] = len(members)
    report["summary"] = summary(report)
    return report


def summary(report: dict) -> str:
    """One line for people: what the import added, or that it added nothing."""
    added = {
        "new contacts": report["contacts_added"],
        "connections made": report["connections_made"],
        "suggestions added": report["suggestions_added"],
        "profile fields set": len(report["profile_fields"]),
        "positions added": report["positions_added"],
        "education entries added": report["education_added"],
    }
    if not any(added.values()):
        return "Nothing new: everything in these files was imported before."
    return ", ".join(f"{count} {what}" for what, count in added.items() if count) + "."


# -- contacts --------------------------------------------------------------------------------


def contact_rows(owner_id: str, connections: list[dict]) -> tuple[list[dict], list[str]]:
    """The rows for imports.create_contacts, one per person (a row repeated in the file is
    skipped, naming the first): keyed by the owner and the profile, else the address, else
    the name and date."""
    rows, first_at, skipped = [], {}, []
    for row in connections:
        url_key = profile_key(row["url"]) if row["url"] else None
        hashed = email_hash(row["email"]) if row["email"] else None
        if url_key:
            identity = f"url:{url_key}"
        elif hashed:
            identity = f"email:{hashed}"
        else:
            identity = f"name:{' '.join(tokens(row['name']))}|{row['connected_on']}"
        key = f"{owner_id}|{identity}"
        if key in first_at:
            skipped.append(f"{row['file']}:{row['line']}: the same person as line {first_at[key]}")
            continue
        first_at[key] = row["line"]
        rows.append(
            {
                "key": key,
                "first_name": row["first_name"],
                "last_name": row["last_name"],
                "name": row["name"],
                "url": row["url"],
                "url_key": url_key,
                "email": row["email"],
                "email_hash": hashed,
                "company": row["company"],
                "position": row["position"],
                "connected_on": row["connected_on"],
            }
        )
    return rows, skipped


def _contacts(tx, person_id: str, rows: list[dict]) -> tuple[dict, set[str]]:
    """One batch: the importer locked (their imports run one at a time: a key is created
    once), the rows they have looked up, the new ones matched and created, the one-sided
    matches suggested and the mutual ones connected (matches.settle). Plain CREATEs
    after index lookups: a MERGE per row costs several times more."""
    db, at = app_services().db, now()
    run(tx, db.query("connections.lock_pair", 1), person_ids=[person_id])
    known = {
        row["key"]: row
        for row in run(
            tx,
            db.query("imports.known_contacts", 1),
            person_id=person_id,
            keys=[row["key"] for row in rows],
        )
    }
    new = [row for row in rows if row["key"] not in known]
    lookups = [
        {"key": r["key"], "url_key": r["url_key"], "email_hash": r["email_hash"]}
        for r in new
        if r["url_key"] or r["email_hash"]
    ]
    found = {
        row["key"]: row
        for row in _run_some(tx, "imports.find_members", 2, lookups, person_id=person_id)
    }
    created = [
        {**r, "id": uuid.uuid4().hex, "member_id": found.get(r["key"], {}).get("member_id")}
        for r in new
    ]
    _run_some(tx, "imports.create_contacts", 2, created, person_id=person_id, now=at)
    changed_rows = [
        {"key": r["key"], "company": r["company"], "position": r["position"]}
        for r in rows
        if r["key"] in known
        and (known[r["key"]]["company"], known[r["key"]]["position"])
        != (r["company"], r["position"])
    ]
    _run_some(tx, "imports.update_contacts", 1, changed_rows, person_id=person_id)
    named = {**known, **found}
    counts = Counter(
        contacts_added=len(new),
        unmatched=sum(1 for r in rows if named.get(r["key"], {}).get("member_id") is None),
        already_connected=sum(1 for row in known.values() if row["connected"]),
    )
    connected_on = {row["key"]: row["connected_on"] for row in rows}
    matches = [Match(person_id, row["member_id"], connected_on[key]) for key, row in found.items()]
    settled = settle(tx, matches, person_id)
    counts["connections_made"] = len(settled.pop("connected"))
    counts.update(settled)
    members = {row["member_id"] for row in named.values() if row["member_id"]}
    return dict(counts), members


def _run_some(tx, name: str, version: int, rows: list[dict], **params) -> list[dict]:
    """Run a batch query when there are rows (an empty list is another parameter type for
    Neo4j's plan cache: planning it again costs more than the query)."""
    if not rows:
        return []
    return run(tx, app_services().db.query(name, version), rows=rows, **params)


# -- the importer's own profile and history ----------------------------------------------------


def _history(tx, person_id: str, export: linkedin.Export, overwrite: bool) -> dict:
    """Profile fields, positions and education, without overwriting what the person set
    unless ``overwrite``; entries already there (same organization and start) are kept."""
    done = {"profile_fields": [], "positions_added": 0, "education_added": 0, "skipped": []}
    if export.profile:
        done["profile_fields"] = _profile(tx, person_id, export.profile, overwrite)
    this_month, moved_ties = month_of(now()), False
    for section, rows, counter in (
        (careers.POSITIONS, export.positions, "positions_added"),
        (careers.EDUCATION, export.education, "education_added"),
    ):
        if not rows:
            continue
        existing = {
            (name_key(entry[section.organization_field]["name"]), entry["start"]): entry["id"]
            for entry in run(
                tx,
                app_services().db.query(f"careers.{section.name}", 1),
                person_id=person_id,
                id=None,
            )
        }
        for row in rows:
            body = _entry(section, row)
            where = f"{row['file']}:{row['line']}"
            if why := _bad_dates(body.get("start"), body.get("end"), this_month):
                done["skipped"].append(f"{where}: {why}")
                continue
            key = (name_key(row[_NAME[section.name]]), body.get("start"))
            known = existing.get(key)
            if known and not overwrite:
                continue
            entry_id = known or uuid.uuid4().hex
            try:
                careers.save(tx, section, person_id, entry_id, body, adding=not known)
            except Unprocessable as refused:  # the most entries there can be
                done["skipped"].append(f"{where}: {refused.detail}")
                continue
            existing[key] = entry_id  # a row repeated in the file updates it, once
            done[counter] += not known
            moved_ties = True
    if moved_ties:  # colleagues and classmates in suggestions (docs/views.md)
        changed(tx, Change.PROFILE_CHANGED, person_id)
    return done


_NAME = {"positions": "company", "education": "school"}


def _entry(section: careers.Section, row: dict) -> dict:
    """A careers entry (the API's body) from an export row, cut to the API's limits."""
    organization = {"name": row[_NAME[section.name]][:ORGANIZATION_NAME_MAX]}
    if section is careers.POSITIONS:
        return {
            "organization": organization,
            "title": row["title"][:TITLE_MAX],
            "start": row["start"],
            "end": row["end"],
            "location": (row["location"] or "")[:SHORT_MAX] or None,
            "description": (row["description"] or "")[:DESCRIPTION_MAX] or None,
        }
    return {
        "school": organization,
        "degree": (row["degree"] or "")[:SHORT_MAX] or None,
        "field": None,
        "start": row["start"],
        "end": row["end"],
    }


def _bad_dates(start: int | None, end: int | None, this_month: int) -> str | None:
    if start is not None and start > this_month:
        return "starts after this month"
    if end is not None and end > this_month:
        return "ends after this month"
    if start is not None and end is not None and end < start:
        return "ends before it starts"
    return None


def _profile(tx, person_id: str, profile: dict, overwrite: bool) -> list[str]:
    fields = {key: (profile[key] or "")[:limit] or None for key, limit in PROFILE_LIMITS.items()}
    rows = run(
        tx,
        app_services().db.query("imports.fill_profile", 1),
        person_id=person_id,
        fields=fields,
        overwrite=overwrite,
        now=now(),
    )
    filled = rows[0]["changed"] if rows else []
    if PROFILE_SCORED & set(filled):  # suggestions' scores change with these
        changed(tx, Change.PROFILE_CHANGED, person_id)
    return filled
