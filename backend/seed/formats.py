"""The project's own seed format: ``people``, ``connections`` and ``requests`` as CSV or JSON Lines.

=================  ==========================================================================
file               fields (``*`` required)
=================  ==========================================================================
people.csv         id*, name*, headline, location, industry, profession, skills (CSV: ';'
                   separated; JSON: a list), summary, training, employer,
                   connections_visibility (connections|private), intro_opt_out (true|false),
                   created_at
connections.csv    a*, b*, since — one row per pair; b,a repeats a,b; a,a is dropped
requests.csv       from*, to*, created_at, note, state (pending|ignored) — a pending request
organizations.csv  id*, kind* (company|school), name*, domain, linkedin, aliases (like
                   skills), created_at
positions.csv      id, person*, organization_id or organization (a name)*, title*, start*
                   (YYYY-MM), end (YYYY-MM; empty = current), location, description,
                   created_at, updated_at
education.csv      id, person*, school_id or school (a name)*, degree, field, start, end,
                   created_at, updated_at
=================  ==========================================================================

CSV files have a header line naming their columns (any order, optional ones may be left out);
JSON Lines files (``people.jsonl`` ...) hold one object a line with the same field names.
Dates are ISO 8601 (``2024-03-01`` or ``2024-03-01T09:30:00Z``). Empty means unknown.
"""

from __future__ import annotations

import csv
import hashlib
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from backend import months
from backend.careers.schemas import DESCRIPTION_MAX, TITLE_MAX
from backend.careers.service import MAX_ENTRIES
from backend.organizations import names
from backend.organizations.schemas import ORGANIZATION_NAME_MAX
from backend.schemas import SHORT_MAX
from backend.seed.checks import Checker
from backend.seed.dataset import (
    REQUEST_STATES,
    VISIBILITIES,
    Dataset,
    connection_row,
    education_row,
    iso_datetime,
    organization_row,
    person_row,
    position_row,
    request_row,
)

SUFFIXES = {"csv": ".csv", "jsonl": ".jsonl"}
_TRUE, _FALSE = ("true", "yes", "1"), ("false", "no", "0")


@dataclass(frozen=True)
class Table:
    name: str
    columns: tuple[str, ...]
    required: tuple[str, ...]

    def path(self, folder: Path, kind: str) -> Path:
        return folder / f"{self.name}{SUFFIXES[kind]}"


PEOPLE = Table(
    "people",
    (
        "id",
        "name",
        "headline",
        "location",
        "industry",
        "profession",
        "skills",
        "summary",
        "training",
        "employer",
        "connections_visibility",
        "intro_opt_out",
        "created_at",
    ),
    ("id", "name"),
)
CONNECTIONS = Table("connections", ("a", "b", "since"), ("a", "b"))
REQUESTS = Table("requests", ("from", "to", "created_at", "note", "state"), ("from", "to"))
ORGANIZATIONS = Table(
    "organizations",
    ("id", "kind", "name", "domain", "linkedin", "aliases", "created_at"),
    ("id", "kind", "name"),
)
POSITIONS = Table(
    "positions",
    (
        "id",
        "person",
        "organization_id",
        "organization",
        "title",
        "start",
        "end",
        "location",
        "description",
        "created_at",
        "updated_at",
    ),
    ("person", "title", "start"),
)
EDUCATION = Table(
    "education",
    (
        "id",
        "person",
        "school_id",
        "school",
        "degree",
        "field",
        "start",
        "end",
        "created_at",
        "updated_at",
    ),
    ("person",),
)
TABLES = (PEOPLE, CONNECTIONS, REQUESTS, ORGANIZATIONS, POSITIONS, EDUCATION)
LIST_FIELDS = ("skills", "aliases")
# The API's limits.
_LENGTHS = {
    "name": ORGANIZATION_NAME_MAX,
    "title": TITLE_MAX,
    "description": DESCRIPTION_MAX,
    "location": SHORT_MAX,
    "degree": SHORT_MAX,
    "field": SHORT_MAX,
}
_TEXT_FIELDS = (
    "name",
    "headline",
    "location",
    "industry",
    "profession",
    "summary",
    "training",
    "employer",
)


def detect_kind(folder: Path) -> str | None:
    """'csv' or 'jsonl' when the folder holds our own files, else None."""
    for kind in SUFFIXES:
        if any(table.path(folder, kind).is_file() for table in TABLES):
            return kind
    return None


# -- reading --------------------------------------------------------------------------------


def records(path: Path, table: Table) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line, fields, None) per row, or (line, None, why) for a row that cannot be read."""
    if path.suffix == ".csv":
        yield from _csv_records(path, table)
    else:
        yield from _jsonl_records(path, table)


def _csv_records(path: Path, table: Table):
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = [h.strip() for h in next(reader, [])]
        problem = _header_problem(header, table)
        if problem:
            yield 1, None, problem
            return
        while True:
            line = reader.line_num + 1
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                yield line, None, f"unreadable CSV: {error}"
                continue
            if not values:
                continue  # a blank line
            if len(values) != len(header):
                yield (
                    line,
                    None,
                    (
                        f"wrong column count: {len(values)} values for "
                        f"{len(header)} columns ({','.join(header)})"
                    ),
                )
                continue
            yield line, dict(zip(header, values, strict=True)), None


def _header_problem(header: list[str], table: Table) -> str | None:
    if not header or header == [""]:
        return f"empty file: want a header line with {','.join(table.columns)}"
    unknown = [h for h in header if h not in table.columns]
    missing = [c for c in table.required if c not in header]
    if unknown or missing or len(set(header)) != len(header):
        return (
            f"bad header {','.join(header)!r}: columns are {','.join(table.columns)} "
            f"(required {','.join(table.required)}), each at most once"
        )
    return None


def _jsonl_records(path: Path, table: Table):
    with path.open(encoding="utf-8") as handle:
        for line, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            try:
                record = json.loads(text)
            except json.JSONDecodeError as error:
                yield line, None, f"bad JSON: {error.msg} at column {error.colno}"
                continue
            if not isinstance(record, dict):
                yield line, None, "want one JSON object a line"
                continue
            unknown = sorted(set(record) - set(table.columns))
            if unknown:
                yield (
                    line,
                    None,
                    f"unknown field(s) {', '.join(unknown)}; fields are {', '.join(table.columns)}",
                )
                continue
            yield line, record, None


def _text(record: dict, field: str) -> str | None:
    value = record.get(field)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise ValueError(f"{field} must be text")
    return str(value).strip() or None


def _required_id(record: dict, field: str) -> str:
    value = _text(record, field)
    if value is None:
        raise ValueError(f"{field} is empty")
    return value


def _date(record: dict, field: str) -> str | None:
    value = _text(record, field)
    return iso_datetime(value) if value else None


def _list(record: dict, field: str) -> list[str]:
    value = record.get(field)
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [s.strip() for s in value.split(";") if s.strip()]
    if isinstance(value, list) and all(isinstance(s, str) for s in value):
        return [s.strip() for s in value if s.strip()]
    raise ValueError(f"{field} must be a list of text (CSV: separated by ';')")


def _flag(record: dict, field: str) -> bool | None:
    value = record.get(field)
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in _TRUE + _FALSE + ("",):
        return None if text == "" else text in _TRUE
    raise ValueError(f"{field} must be true or false, got {value!r}")


def _choice(record: dict, field: str, allowed: tuple[str, ...]) -> str | None:
    value = _text(record, field)
    if value is not None and value not in allowed:
        raise ValueError(f"{field} must be one of {', '.join(allowed)}, got {value!r}")
    return value


def parse_person(record: dict) -> dict:
    props = {field: _text(record, field) for field in _TEXT_FIELDS}
    if props["name"] is None:
        raise ValueError("name is empty")
    props.update(
        skills=_list(record, "skills"),
        connections_visibility=_choice(record, "connections_visibility", VISIBILITIES),
        intro_opt_out=_flag(record, "intro_opt_out"),
    )
    return person_row(_required_id(record, "id"), props, created_at=_date(record, "created_at"))


def parse_connection(record: dict) -> dict:
    return connection_row(
        _required_id(record, "a"), _required_id(record, "b"), _date(record, "since")
    )


def parse_request(record: dict) -> dict:
    return request_row(
        _required_id(record, "from"),
        _required_id(record, "to"),
        _date(record, "created_at"),
        _text(record, "note"),
        _choice(record, "state", REQUEST_STATES) or "pending",
    )


def _limited(record: dict, field: str) -> str | None:
    value = _text(record, field)
    if value is not None and len(value) > _LENGTHS[field]:
        raise ValueError(f"{field} is longer than {_LENGTHS[field]} characters")
    return value


def _month(record: dict, field: str, this_month: int) -> int | None:
    value = _text(record, field)
    if value is None:
        return None
    month = months.parse(value)
    if month is None:
        raise ValueError(f"bad {field} {value!r} (want YYYY-MM, from {months.FIRST_YEAR})")
    if month > this_month:
        raise ValueError(f"{field} {value} is after this month")
    return month


def _dates(record: dict, start_required: bool) -> dict:
    this_month = months.month_of(datetime.now(UTC))
    start, end = _month(record, "start", this_month), _month(record, "end", this_month)
    if start is None and start_required:
        raise ValueError("start is empty")
    if start is not None and end is not None and end < start:
        raise ValueError("end comes before start")
    return {"start": start, "end": end}


def _organization_reference(record: dict, by_id: str, by_name: str) -> tuple[str, str]:
    """("id", id) or ("name", name): exactly one of the two columns."""
    organization_id, name = _text(record, by_id), _limited_name(record, by_name)
    if (organization_id is None) == (name is None):
        raise ValueError(f"give {by_id} or {by_name} (a name), one of them")
    return ("id", organization_id) if organization_id else ("name", name)


def _limited_name(record: dict, field: str) -> str | None:
    value = _text(record, field)
    if value is not None and (len(value) > _LENGTHS["name"] or not names.name_key(value)):
        raise ValueError(
            f"{field} must have a letter or digit and at most {ORGANIZATION_NAME_MAX} characters"
        )
    return value


def parse_organization(record: dict) -> dict:
    kind = _choice(record, "kind", names.KINDS)
    if kind is None:
        raise ValueError("kind is empty")
    name = _limited_name(record, "name")
    if name is None:
        raise ValueError("name is empty")
    domain, linkedin = _text(record, "domain"), _text(record, "linkedin")
    if domain and names.domain_key(domain) is None:
        raise ValueError(f"domain {domain!r} is not a domain name")
    if linkedin:
        # The graph keeps the company page's slug; a file may give it or the page's URL.
        slug = names.linkedin_key(linkedin) or names.linkedin_key(
            f"https://www.linkedin.com/company/{linkedin}"
        )
        if slug is None:
            raise ValueError(f"linkedin {linkedin!r} is not a LinkedIn company page")
        linkedin = slug
    return organization_row(
        _required_id(record, "id"),
        kind,
        name,
        domain=names.domain_key(domain) if domain else None,
        linkedin=linkedin,
        aliases=_list(record, "aliases"),
        created_at=_date(record, "created_at"),
    )


def parse_position(record: dict) -> dict:
    reference = _organization_reference(record, "organization_id", "organization")
    title = _limited(record, "title")
    if title is None:
        raise ValueError("title is empty")
    fields = {
        "title": title,
        **_dates(record, start_required=True),
        "location": _limited(record, "location"),
        "description": _limited(record, "description"),
    }
    return _career_entry(record, reference, fields)


def parse_education(record: dict) -> dict:
    reference = _organization_reference(record, "school_id", "school")
    fields = {
        "degree": _limited(record, "degree"),
        "field": _limited(record, "field"),
        **_dates(record, start_required=False),
    }
    return _career_entry(record, reference, fields)


def _career_entry(record: dict, reference: tuple[str, str], fields: dict) -> dict:
    """A position or education entry before its organization is resolved. An entry without
    an id gets one from what it says, so that loading the file again finds it."""
    person = _required_id(record, "person")
    entry_id = (
        _text(record, "id")
        or hashlib.sha1(
            json.dumps([person, reference, fields], sort_keys=True).encode()
        ).hexdigest()[:32]
    )
    return {
        "id": entry_id,
        "person": person,
        "reference": reference,
        "fields": fields,
        "created_at": _date(record, "created_at"),
        "updated_at": _date(record, "updated_at"),
    }


# per careers table: the parser, the organizations' kind, the row maker
_CAREERS = (
    (POSITIONS, parse_position, "company", position_row),
    (EDUCATION, parse_education, "school", education_row),
)


class OwnFormat:
    """A folder of our own files (CSV or JSON Lines); any of the three may be absent."""

    def __init__(self, folder: Path, kind: str):
        self.folder = folder
        self.kind = kind

    def _rows(self, table: Table, parse) -> Iterator[tuple[str, int, dict | None, str | None]]:
        path = table.path(self.folder, self.kind)
        if not path.is_file():
            return
        for line, record, problem in records(path, table):
            if problem is None:
                try:
                    yield path.name, line, parse(record), None
                    continue
                except ValueError as error:
                    problem = str(error)
            yield path.name, line, None, problem

    def check(self, checker: Checker) -> None:
        for file, line, row, problem in self._rows(PEOPLE, parse_person):
            if problem:
                checker.bad_row(file, line, problem)
            elif checker.define(file, line, row["id"]):
                checker.totals["people"] += 1
        for file, line, row, problem in self._rows(CONNECTIONS, parse_connection):
            if problem:
                checker.bad_row(file, line, problem)
            elif row["a"] == row["b"]:
                checker.skipped["self-loops"] += 1
            else:
                checker.refer(file, line, row["a"])
                checker.refer(file, line, row["b"])
                checker.totals["connections"] += 1
        asked: dict[tuple[str, str], int] = {}
        for file, line, row, problem in self._rows(REQUESTS, parse_request):
            if problem:
                checker.bad_row(file, line, problem)
                continue
            sender, recipient = row["sender"], row["recipient"]
            if sender == recipient:
                checker.skipped["self-requests"] += 1
                continue
            if (recipient, sender) in asked:
                checker.bad_row(
                    file,
                    line,
                    f"{recipient!r} already asked {sender!r} (line "
                    f"{asked[recipient, sender]}): put the pair in connections instead",
                )
                continue
            asked.setdefault((sender, recipient), line)
            checker.refer(file, line, sender)
            checker.refer(file, line, recipient)
            checker.totals["requests"] += 1
        self._check_careers(checker)

    def _check_careers(self, checker: Checker) -> None:
        organizations: dict[str, int] = {}
        for file, line, row, problem in self._rows(ORGANIZATIONS, parse_organization):
            if problem:
                checker.bad_row(file, line, problem)
            elif row["id"] in organizations:
                checker.bad_row(
                    file,
                    line,
                    f"duplicate id {row['id']!r} (first at line {organizations[row['id']]})",
                )
            else:
                organizations[row["id"]] = line
                checker.organizations.define(row)
                checker.totals["organizations"] += 1
        for table, parse, kind, _ in _CAREERS:
            first: dict[str, int] = {}
            entries: Counter = Counter()
            for file, line, row, problem in self._rows(table, parse):
                if problem:
                    checker.bad_row(file, line, problem)
                elif row["id"] in first:
                    checker.bad_row(
                        file, line, f"duplicate id {row['id']!r} (first at line {first[row['id']]})"
                    )
                elif entries[row["person"]] == MAX_ENTRIES:
                    checker.bad_row(
                        file,
                        line,
                        f"{row['person']!r} has {MAX_ENTRIES} {table.name} entries already",
                    )
                else:
                    first[row["id"]] = line
                    entries[row["person"]] += 1
                    checker.refer(file, line, row["person"])
                    checker.organizations.refer(file, line, kind, row["reference"])
                    checker.totals[table.name] += 1

    def dataset(self, checker: Checker) -> Dataset:
        def good(table, parse, keep=lambda row: True):
            return (
                row
                for _, _, row, problem in self._rows(table, parse)
                if problem is None and keep(row)
            )

        organizations = checker.organizations

        def careers(table, parse, kind, make):
            for row in good(table, parse):
                yield make(
                    row["id"],
                    row["person"],
                    organizations.resolve(kind, row["reference"]),
                    row["fields"],
                    row["created_at"],
                    row["updated_at"],
                )

        return Dataset(
            people=lambda: good(PEOPLE, parse_person),
            connections=lambda: good(CONNECTIONS, parse_connection, lambda r: r["a"] != r["b"]),
            requests=lambda: good(REQUESTS, parse_request, lambda r: r["sender"] != r["recipient"]),
            organizations=lambda: [*good(ORGANIZATIONS, parse_organization), *organizations.new],
            positions=lambda: careers(*_CAREERS[0]),
            education=lambda: careers(*_CAREERS[1]),
            totals=dict(checker.totals),
            skipped=checker.skipped,
        )


# -- writing --------------------------------------------------------------------------------


class Writer:
    """Writes rows of one table in our own format (used by export)."""

    def __init__(self, folder: Path, table: Table, kind: str):
        self.table = table
        self.kind = kind
        self.handle = table.path(folder, kind).open("w", newline="", encoding="utf-8")
        if kind == "csv":
            self.csv = csv.writer(self.handle, lineterminator="\n")
            self.csv.writerow(table.columns)

    def write(self, row: dict[str, Any]) -> None:
        if self.kind == "jsonl":
            self.handle.write(
                json.dumps({k: v for k, v in row.items() if v is not None}, ensure_ascii=False)
                + "\n"
            )
            return
        self.csv.writerow([_csv_value(field, row.get(field)) for field in self.table.columns])

    def close(self) -> None:
        self.handle.close()


def _csv_value(field: str, value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if field in LIST_FIELDS:
        if any(";" in item for item in value):
            raise ValueError(
                f"an item of {field} contains ';' ({value!r}): export with --format jsonl"
            )
        return ";".join(value)
    return str(value)
