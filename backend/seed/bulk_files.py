"""A :class:`Dataset` as the CSV files of Neo4j's offline importer (``neo4j-admin database
import full``), holding exactly the graph the online loader (``backend/seed/loader.py``) would
build in an empty database.

The importer cannot run Cypher, so what the loader's MERGE statements derive is derived here:
``name_lower``, the relationship ``pair`` keys, the new-person defaults, ``datetime()`` for a
missing date, one connection per pair (the first row wins, as MERGE keeps the first), one
request per ordered pair, and no request between two people the files connect; careers'
organizations with their ``OrganizationKey`` nodes (a key names the first organization that
claims it, as seed.merge_organizations does) and positions and education as relationships.
"""

from __future__ import annotations

import csv
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from tqdm import tqdm

from backend.pair_keys import connection_key
from backend.seed.dataset import Dataset

# Skills travel as one field; the unit separator never appears in text anyone types.
ARRAY_DELIMITER = "\x1f"
PEOPLE_COLUMNS = (
    ("id:ID(Person)", "id"),
    ("name", "name"),
    ("name_lower", "name_lower"),
    ("headline", "headline"),
    ("location", "location"),
    ("industry", "industry"),
    ("profession", "profession"),
    ("skills:string[]", "skills"),
    ("summary", "summary"),
    ("training", "training"),
    ("employer", "employer"),
    ("connections_visibility", "connections_visibility"),
    ("intro_opt_out:boolean", "intro_opt_out"),
    ("created_at:datetime", "created_at"),
)
CONNECTIONS_HEADER = (":START_ID(Person)", ":END_ID(Person)", "pair", "since:datetime")
REQUESTS_HEADER = (
    ":START_ID(Person)",
    ":END_ID(Person)",
    "pair",
    "created_at:datetime",
    "note",
    "state",
)
ORGANIZATION_COLUMNS = (
    ("id:ID(Organization)", "id"),
    ("kind", "kind"),
    ("name", "name"),
    ("name_key", "name_key"),
    ("domain", "domain"),
    ("linkedin", "linkedin"),
    # An empty list is no value to the importer: bulk.py sets the empty ones after it.
    ("aliases:string[]", "aliases"),
    ("search_text", "search_text"),
    ("created_at:datetime", "created_at"),
)
ORGANIZATION_KEYS_HEADER = ("key:ID(OrganizationKey)", "organization_id")
KEY_OF_HEADER = (":START_ID(OrganizationKey)", ":END_ID(Organization)")
# The relationship's properties after its two ends, for positions and for education.
CAREER_FIELDS = {
    "positions": (
        ("title", "title"),
        ("start:long", "start"),
        ("end:long", "end"),
        ("location", "location"),
        ("description", "description"),
    ),
    "education": (
        ("degree", "degree"),
        ("field", "field"),
        ("start:long", "start"),
        ("end:long", "end"),
    ),
}
CAREER_TYPES = {"positions": "WORKED_AT", "education": "STUDIED_AT"}
# What seed.merge_people sets on a new person before the row's own fields.
NEW_PERSON = {"connections_visibility": "connections", "intro_opt_out": False}


@dataclass
class ImportFiles:
    """The files written, what they hold, and what was left out (by reason)."""

    people: Path
    connections: Path
    requests: Path
    organizations: Path
    organization_keys: Path
    key_of: Path
    positions: Path
    education: Path
    counts: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    multiline: bool = False  # some value holds a line break: the importer must be told

    def arguments(self) -> list[str]:
        return [
            f"--nodes=Person={self.people}",
            f"--relationships=CONNECTED_TO={self.connections}",
            f"--relationships=REQUESTED={self.requests}",
            f"--nodes=Organization={self.organizations}",
            f"--nodes=OrganizationKey={self.organization_keys}",
            f"--relationships=KEY_OF={self.key_of}",
            f"--relationships=WORKED_AT={self.positions}",
            f"--relationships=STUDIED_AT={self.education}",
            "--array-delimiter=U+001F",
            f"--multiline-fields={'true' if self.multiline else 'false'}",
        ]


class _CsvFile:
    def __init__(self, path: Path, header: Iterable[str]):
        self.path = path
        self.handle = path.open("w", newline="", encoding="utf-8")
        self.writer = csv.writer(self.handle, lineterminator="\n")
        self.writer.writerow(header)
        self.multiline = False

    def write(self, values: list) -> None:
        self.writer.writerow(values)

    def check_multiline(self, values: Iterable) -> None:
        if not self.multiline:
            self.multiline = any(isinstance(v, str) and ("\n" in v or "\r" in v) for v in values)

    def close(self) -> None:
        self.handle.close()

    def __enter__(self) -> _CsvFile:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _now() -> str:
    """``datetime()`` of the online loader: the load's time, in UTC."""
    return datetime.now(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _cell(value) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ARRAY_DELIMITER.join(value)
    return value


def _bar(total: int | None, desc: str, progress: bool | None) -> tqdm:
    return tqdm(
        total=total,
        desc=f"{desc:<11}",
        unit=" rows",
        unit_scale=True,
        disable=None if progress is None else not progress,
    )


def write_import_files(dataset: Dataset, folder: Path, progress: bool | None = None) -> ImportFiles:
    folder.mkdir(parents=True, exist_ok=True)
    files = ImportFiles(
        *(
            folder / f"{name}.csv"
            for name in (
                "people",
                "connections",
                "requests",
                "organizations",
                "organization_keys",
                "key_of",
                "positions",
                "education",
            )
        )
    )
    files.skipped.update(dataset.skipped)
    now = _now()
    multiline = [
        _write_people(dataset, files, now, progress),
        _write_connections_and_requests(dataset, files, now, progress),
        _write_organizations(dataset, files, now, progress),
        *(_write_careers(dataset, files, phase, now, progress) for phase in CAREER_TYPES),
    ]
    files.multiline = any(multiline)
    return files


def _write_people(dataset: Dataset, files: ImportFiles, now: str, progress) -> bool:
    out = _CsvFile(files.people, (header for header, _ in PEOPLE_COLUMNS))
    try:
        with _bar(dataset.totals.get("people"), "people", progress) as bar:
            for row in dataset.people():
                person = {**NEW_PERSON, **row["on_create"], **row["props"], "id": row["id"]}
                unknown = person.keys() - {key for _, key in PEOPLE_COLUMNS}
                if unknown:
                    raise ValueError(f"person {row['id']!r}: no import column for {unknown}")
                person["name_lower"] = person["name"].lower()
                person["created_at"] = row["created_at"] or now
                values = [_cell(person.get(key)) for _, key in PEOPLE_COLUMNS]
                out.check_multiline(values)
                out.write(values)
                files.counts["people"] += 1
                bar.update()
    finally:
        out.close()
    return out.multiline


def _write_organizations(dataset: Dataset, files: ImportFiles, now: str, progress) -> bool:
    holders: dict[str, str] = {}  # key -> the organization that claimed it first
    out = _CsvFile(files.organizations, (header for header, _ in ORGANIZATION_COLUMNS))
    try:
        with _bar(dataset.totals.get("organizations"), "organizations", progress) as bar:
            for row in dataset.organizations():
                organization = {**row, "created_at": row["created_at"] or now}
                values = [_cell(organization[key]) for _, key in ORGANIZATION_COLUMNS]
                out.check_multiline(values)
                out.write(values)
                for key in row["keys"]:
                    holders.setdefault(key, row["id"])
                files.counts["organizations"] += 1
                bar.update()
    finally:
        out.close()
    with (
        _CsvFile(files.organization_keys, ORGANIZATION_KEYS_HEADER) as keys,
        _CsvFile(files.key_of, KEY_OF_HEADER) as key_of,
    ):
        for key, organization_id in holders.items():
            keys.write((key, organization_id))
            key_of.write((key, organization_id))
    return out.multiline


def _write_careers(dataset: Dataset, files: ImportFiles, phase: str, now: str, progress) -> bool:
    """Positions or education: every row's id is new (the files' ids are checked unique)."""
    columns = CAREER_FIELDS[phase]
    out = _CsvFile(
        getattr(files, phase),
        (
            ":START_ID(Person)",
            ":END_ID(Organization)",
            "id",
            *(header for header, _ in columns),
            "created_at:datetime",
            "updated_at:datetime",
        ),
    )
    try:
        with _bar(dataset.totals.get(phase), phase, progress) as bar:
            for row in getattr(dataset, phase)():
                created = row["created_at"] or now
                values = [
                    row["person"],
                    row["organization"],
                    row["id"],
                    *(row["fields"].get(key) for _, key in columns),
                    created,
                    row["updated_at"] or created,
                ]
                out.check_multiline(values)
                out.write(values)
                files.counts[phase] += 1
                bar.update()
    finally:
        out.close()
    return out.multiline


def _write_connections_and_requests(
    dataset: Dataset, files: ImportFiles, now: str, progress
) -> bool:
    # Requests are few (they are held in memory); connections may be tens of millions (they
    # stream, and their duplicates are found from 8-byte hashes, see _drop_duplicates).
    requests: dict[str, dict] = {}
    for row in dataset.requests():
        if row["pair"] in requests:
            files.skipped["requests not written (unknown, blocked or superseded)"] += 1
        else:
            requests[row["pair"]] = row
    asked_pairs = {
        connection_key(r["sender"], r["recipient"]): pair for pair, r in requests.items()
    }

    if dataset.connection_csv is not None:
        _write_connection_csv(dataset, files, progress)
    else:
        _write_connection_rows(dataset, files, requests, asked_pairs, now, progress)

    out = _CsvFile(files.requests, REQUESTS_HEADER)
    try:
        for pair, row in requests.items():
            values = (
                row["sender"],
                row["recipient"],
                pair,
                row["created_at"] or now,
                row["note"],
                row["state"],
            )
            out.check_multiline(values)
            out.write(values)
            files.counts["requests"] += 1
    finally:
        out.close()
    return out.multiline


def _write_connection_csv(dataset: Dataset, files: ImportFiles, progress) -> None:
    with (
        files.connections.open("w", encoding="utf-8") as out,
        _bar(dataset.totals.get("connections"), "connections", progress) as bar,
    ):
        out.write(",".join(CONNECTIONS_HEADER) + "\n")
        for text in dataset.connection_csv():
            out.write(text)
            lines = text.count("\n")
            files.counts["connections"] += lines
            bar.update(lines)


def _write_connection_rows(
    dataset: Dataset, files: ImportFiles, requests: dict, asked_pairs: dict, now: str, progress
) -> None:
    hashes = array("q")
    out = _CsvFile(files.connections, CONNECTIONS_HEADER)
    try:
        with _bar(dataset.totals.get("connections"), "connections", progress) as bar:
            for row in dataset.connections():
                pair = row["pair"]
                hashes.append(hash(pair))
                out.write((row["a"], row["b"], pair, row["since"] or now))
                if pair in asked_pairs:  # connecting replaces a pending request
                    requests.pop(asked_pairs.pop(pair), None)
                    files.skipped["requests not written (unknown, blocked or superseded)"] += 1
                bar.update()
    finally:
        out.close()
    files.counts["connections"] = len(hashes)
    duplicates = _drop_duplicates(files.connections, np.frombuffer(hashes, dtype=np.int64))
    files.counts["connections"] -= duplicates
    if duplicates:
        files.skipped["repeated connections"] += duplicates


def _drop_duplicates(path: Path, hashes: np.ndarray) -> int:
    """Rewrite the connections file without the 2nd and later rows of a pair; how many went.
    Only rows whose pair hash repeats are compared by their text, so the usual case (no
    repeats) costs one sort of the hashes and no second pass."""
    ordered = np.sort(hashes)
    repeated = set(ordered[1:][ordered[1:] == ordered[:-1]].tolist())
    if not repeated:
        return 0
    seen: set[str] = set()
    dropped = 0
    rewritten = path.with_suffix(".dedup.csv")
    with (
        path.open(newline="", encoding="utf-8") as source,
        rewritten.open("w", newline="", encoding="utf-8") as target,
    ):
        reader, writer = csv.reader(source), csv.writer(target, lineterminator="\n")
        writer.writerow(next(reader))
        for values, pair_hash in zip(reader, hashes.tolist(), strict=True):
            if pair_hash in repeated:
                if values[2] in seen:
                    dropped += 1
                    continue
                seen.add(values[2])
            writer.writerow(values)
    rewritten.replace(path)
    return dropped
