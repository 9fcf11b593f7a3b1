"""A group's LinkedIn exports at once, for seed-loading scripts: ``mutuals seed import PATH
--format linkedin`` (docs/import-linkedin.md, "A whole group").

PATH holds one export per member, a zip or a folder of the CSV files, named by the member:

- the id of a person in the graph, or of a new one (created with Profile.csv's name);
- else the slug of the member's LinkedIn profile (``ana-costa-1a2b3c`` for
  ``linkedin.com/in/ana-costa-1a2b3c``), when a person with that profile has Profile.csv's
  name.

An optional ``members.csv`` (``id,linkedin_url,emails``; addresses separated by ``;``) gives
members their LinkedIn identity, which is what the group's exports match each other by.
Every export and members.csv is read and checked before anything is written; then the
identities are set (as ``PUT /v1/me/identity``) and each member's export imported by the same
code as ``POST /v1/me/imports``, so the rules, the report and the idempotence are the API's.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from backend.app_services import app_services
from backend.imports import identity, linkedin, service
from backend.organizations.names import profile_key, tokens

MEMBERS_FILE = "members.csv"


class GroupRefused(Exception):
    """What is wrong with the group's files, one ``file:line: why`` each."""

    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} problem(s)")
        self.problems = problems


@dataclass
class Member:
    id: str
    name: str | None  # Profile.csv's; needed to create a new member
    new: bool
    export: linkedin.Export
    linkedin_url: str | None = None
    emails: tuple[str, ...] = ()


def read_group(path: Path) -> list[Member]:
    """Every member's export, read and checked; GroupRefused lists every problem."""
    problems: list[str] = []
    identities = _identities(path / MEMBERS_FILE, problems)
    entries = sorted(
        p for p in path.iterdir() if p.is_dir() or (p.is_file() and p.suffix.lower() == ".zip")
    )
    if not entries:
        raise GroupRefused([f"{path}: no export (a zip or a folder per member)"])
    exports = {}
    for entry in entries:
        try:
            exports[entry] = linkedin.read_path(entry)
        except linkedin.Malformed as error:
            problems.append(str(error))
    names = {entry: entry.stem if entry.is_file() else entry.name for entry in exports}
    claimed = [profile_key(url) for url, _ in identities.values() if url]
    known = _known(list(names.values()), claimed)
    members = []
    for entry, export in exports.items():
        member = _member(entry, names[entry], export, known, problems)
        if member is None:
            continue
        member.linkedin_url, member.emails = identities.pop(member.id, (None, ()))
        holder = known["profiles"].get(profile_key(member.linkedin_url or "") or "")
        if holder and holder["id"] != member.id:
            problems.append(f"{MEMBERS_FILE}: {member.id}'s LinkedIn profile is {holder['id']}'s")
        members.append(member)
    problems += [f"{MEMBERS_FILE}: {member_id} has no export in {path}" for member_id in identities]
    if problems:
        raise GroupRefused(problems)
    return members


def _member(entry: Path, name: str, export, known: dict, problems: list[str]) -> Member | None:
    profile_name = (export.profile or {}).get("name")
    if name in known["ids"]:
        return Member(name, profile_name, False, export)
    holder = known["profiles"].get(profile_key(f"linkedin.com/in/{name}") or "")
    if holder and profile_name and tokens(holder["name"]) == tokens(profile_name):
        return Member(holder["id"], profile_name, False, export)
    if not profile_name:
        problems.append(f"{entry}: no member {name!r}, and no Profile.csv name to create one")
        return None
    return Member(name, profile_name, True, export)


def _known(names: list[str], claimed: list[str]) -> dict:
    """The people the entries' names may be (by id, and by LinkedIn profile slug), and those
    holding the profiles members.csv gives."""
    slugs = [profile_key(f"linkedin.com/in/{n}") for n in names]
    keys = [key for key in slugs + claimed if key]
    rows = app_services().db.read("imports.group_members", 1, ids=names, linkedin_keys=keys)
    return {
        "ids": {row["id"] for row in rows},
        "profiles": {row["linkedin_key"]: row for row in rows if row["linkedin_key"]},
    }


def _identities(path: Path, problems: list[str]) -> dict[str, tuple]:
    """members.csv: ``{id: (linkedin_url, emails)}``."""
    if not path.exists():
        return {}
    found = {}
    text = path.read_text(encoding="utf-8-sig")
    for line, row in enumerate(csv.DictReader(io.StringIO(text, newline="")), start=2):
        member_id = (row.get("id") or "").strip()
        url = (row.get("linkedin_url") or "").strip() or None
        if not member_id:
            problems.append(f"{path}:{line}: no id")
        elif url and profile_key(url) is None:
            problems.append(f"{path}:{line}: {url!r} is not a LinkedIn profile URL")
        else:
            emails = tuple(e.strip() for e in (row.get("emails") or "").split(";") if e.strip())
            found[member_id] = (url, emails)
    return found


def check(members: list[Member]) -> dict:
    """What a dry run can tell without writing: members, rows, skipped rows."""
    return {
        "members": len(members),
        "new_members": sum(m.new for m in members),
        "rows_read": sum(m.export.rows_read for m in members),
        "skipped": [line for m in members for line in m.export.skipped],
    }


def load(members: list[Member], progress=None) -> dict:
    """Create the new members, set every given identity, then import each export; the
    reports added up. ``progress(member)`` is called after each import."""
    db = app_services().db
    new = [m for m in members if m.new]
    if new:
        rows = [
            {"id": m.id, "props": {"name": m.name}, "on_create": {}, "created_at": None}
            for m in new
        ]
        db.write("seed.merge_people", 1, rows=rows)
    for member in members:
        if member.linkedin_url or member.emails:
            identity.set_identity(
                member.id, linkedin_url=member.linkedin_url, emails=list(member.emails)
            )
    totals: Counter = Counter()
    skipped: list[str] = []
    for member in members:
        report = service.import_export(member.id, member.export, overwrite=False)
        skipped += report["skipped"]
        totals.update({k: v for k, v in report.items() if isinstance(v, int)})
        if progress:
            progress(member)
    return {"members": len(members), "new_members": len(new), **totals, "skipped": skipped}
