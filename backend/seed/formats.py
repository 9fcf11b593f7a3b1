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
=================  ==========================================================================

CSV files have a header line naming their columns (any order, optional ones may be left out);
JSON Lines files (``people.jsonl`` ...) hold one object a line with the same field names.
Dates are ISO 8601 (``2024-03-01`` or ``2024-03-01T09:30:00Z``). Empty means unknown.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from backend.seed.checks import Checker
from backend.seed.dataset import (
    REQUEST_STATES,
    VISIBILITIES,
    Dataset,
    connection_row,
    iso_datetime,
    person_row,
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
TABLES = (PEOPLE, CONNECTIONS, REQUESTS)
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


def _skills(record: dict) -> list[str]:
    value = record.get("skills")
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [s.strip() for s in value.split(";") if s.strip()]
    if isinstance(value, list) and all(isinstance(s, str) for s in value):
        return [s.strip() for s in value if s.strip()]
    raise ValueError("skills must be a list of text (CSV: separated by ';')")


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
        skills=_skills(record),
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

    def dataset(self, checker: Checker) -> Dataset:
        def good(table, parse, keep=lambda row: True):
            return (
                row
                for _, _, row, problem in self._rows(table, parse)
                if problem is None and keep(row)
            )

        return Dataset(
            people=lambda: good(PEOPLE, parse_person),
            connections=lambda: good(CONNECTIONS, parse_connection, lambda r: r["a"] != r["b"]),
            requests=lambda: good(REQUESTS, parse_request, lambda r: r["sender"] != r["recipient"]),
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
    if field == "skills":
        if any(";" in skill for skill in value):
            raise ValueError(f"a skill contains ';' ({value!r}): export with --format jsonl")
        return ";".join(value)
    return str(value)
