"""What every seed source hands the loader: rows in the agreed graph model.

A person row is ``{"id", "props", "on_create", "created_at"}``: ``props`` are set on every
load (only the fields the source knows, never nulls, so a sparse source does not erase what
is there), ``on_create`` only when the person is new (e.g. a placeholder name for an edge-list
id). Dates travel as ISO 8601 text and Cypher's ``datetime()`` parses them, so nanoseconds
survive an export/import round trip.

Careers (docs/careers.md): an organization row carries everything the API's
``organizations.create`` derives (name key, search text, lookup keys); a position or
education row names its person and organization by id, months as integers
(``backend/months.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from backend.organizations import names
from backend.pair_keys import connection_key, request_key

VISIBILITIES = ("connections", "private")
REQUEST_STATES = ("pending", "ignored")

# ISO 8601 as Cypher's datetime() reads it: a date, optionally a time, an offset and a zone id.
_ISO = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T ](?P<time>\d{2}:\d{2}(?::\d{2})?)(?:\.(?P<fraction>\d{1,9}))?"
    r"(?P<offset>Z|[+-]\d{2}(?::?\d{2})?)?(?P<zone>\[[A-Za-z0-9_/+-]+\])?)?$"
)


class InvalidInput(Exception):
    """The input has bad rows; nothing was written."""

    def __init__(self, bad_rows: list[BadRow]):
        self.bad_rows = bad_rows
        super().__init__(f"{len(bad_rows)} bad row(s)")


@dataclass(frozen=True, order=True)
class BadRow:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def iso_datetime(text: str) -> str:
    """The text as Cypher's ``datetime()`` accepts it; ValueError when it is no real date."""
    match = _ISO.match(text.strip())
    if not match:
        raise ValueError(
            f"bad date {text!r} (want ISO 8601, e.g. 2024-03-01 or 2024-03-01T09:30:00Z)"
        )
    # Python checks the calendar (month 13, Feb 30); it reads at most microseconds.
    check = match["date"]
    if match["time"]:
        check += "T" + match["time"] + ("." + match["fraction"][:6] if match["fraction"] else "")
        check += match["offset"] or ""
    try:
        datetime.fromisoformat(check.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"bad date {text!r} (no such day or time)") from None
    return text.strip().replace(" ", "T", 1)


def person_row(
    person_id: str, props: dict, created_at: str | None = None, on_create: dict | None = None
) -> dict:
    return {
        "id": person_id,
        "props": {k: v for k, v in props.items() if v not in (None, "", [])},
        "on_create": on_create or {},
        "created_at": created_at,
    }


def connection_row(a: str, b: str, since: str | None) -> dict:
    return {"a": a, "b": b, "pair": connection_key(a, b), "since": since}


def request_row(
    sender: str,
    recipient: str,
    created_at: str | None,
    note: str | None = None,
    state: str = "pending",
) -> dict:
    return {
        "sender": sender,
        "recipient": recipient,
        "pair": request_key(sender, recipient),
        "created_at": created_at,
        "note": note or None,
        "state": state,
    }


def organization_row(
    organization_id: str,
    kind: str,
    name: str,
    *,
    domain: str | None = None,
    linkedin: str | None = None,
    aliases: Iterable[str] = (),
    created_at: str | None = None,
) -> dict:
    """An organization as ``organizations.create`` and ``add_keys`` leave it: its keys
    (LinkedIn page, domain, name, then each alias's name), strongest first."""
    aliases = list(aliases)
    keys = names.keys(kind, name=name, domain=domain, linkedin=linkedin)
    keys += [f"{kind}:name:{names.name_key(alias)}" for alias in aliases]
    return {
        "id": organization_id,
        "kind": kind,
        "name": name,
        "name_key": names.name_key(name),
        "domain": domain,
        "linkedin": linkedin,
        "aliases": aliases,
        "search_text": " ".join(names.search_words(" ".join([name, *aliases]))),
        "keys": list(dict.fromkeys(keys)),
        "created_at": created_at,
    }


def position_row(
    position_id: str,
    person: str,
    organization: str,
    fields: dict,
    created_at: str | None = None,
    updated_at: str | None = None,
) -> dict:
    """A WORKED_AT: ``fields`` are title, start, end (months; end None = current),
    location, description."""
    return _career_row(position_id, person, organization, fields, created_at, updated_at)


def education_row(
    education_id: str,
    person: str,
    school: str,
    fields: dict,
    created_at: str | None = None,
    updated_at: str | None = None,
) -> dict:
    """A STUDIED_AT: ``fields`` are degree, field, start, end (months)."""
    return _career_row(education_id, person, school, fields, created_at, updated_at)


def _career_row(entry_id, person, organization, fields, created_at, updated_at) -> dict:
    return {
        "id": entry_id,
        "person": person,
        "organization": organization,
        "fields": {key: value for key, value in fields.items() if value is not None},
        "created_at": created_at,
        "updated_at": updated_at,
    }


@dataclass
class Dataset:
    """Rows to load, in order. The callables may be called again (a second pass re-reads the
    files rather than holding millions of rows). ``totals`` (when known) drive the progress
    bars; ``skipped`` counts rows dropped on purpose, by reason (e.g. self-loops)."""

    people: Callable[[], Iterable[dict]]
    connections: Callable[[], Iterable[dict]]
    requests: Callable[[], Iterable[dict]] = lambda: ()
    organizations: Callable[[], Iterable[dict]] = lambda: ()
    positions: Callable[[], Iterable[dict]] = lambda: ()
    education: Callable[[], Iterable[dict]] = lambda: ()
    # The connections as the bulk importer's CSV text (a,b,pair,since lines, dates given),
    # when the source can make it faster than rows: distinct pairs, none a request names.
    connection_csv: Callable[[], Iterable[str]] | None = None
    totals: dict[str, int | None] = field(default_factory=dict)
    skipped: Counter = field(default_factory=Counter)
