"""Reading LinkedIn's data export: the zip as LinkedIn delivers it, or any of its four CSV
files, into rows the import can use (docs/import-linkedin.md).

The files have varied over the years, so nothing is trusted by position:
- the header row is found by its columns (``Connections.csv`` has a preamble of notes, two
  or three lines and a blank one, before it; older exports have no ``URL`` column);
- text is UTF-8, with or without a byte-order mark, CRLF or LF line ends, fields quoted when
  they hold commas or line breaks (a row's line is where it starts);
- rows of bare commas (LinkedIn ends some files with them) are no rows at all.

A row that cannot be used (no name, a date that is not one, a field too many) is skipped and
reported as ``file:line: why``; a file that cannot be read at all (no header row, not UTF-8, a
quote never closed, a broken zip) raises :class:`Malformed`, and nothing is imported.

Zips are read in memory, entry by entry: only the four known files (by their base name,
wherever they sit in the zip), each refused before it is read when its declared size is over
the limit, and read in chunks that stop at the limit whatever the declaration said. No name
from the zip ever reaches the file system.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path, PurePosixPath

# The most text one file, or all files together, may decompress to: a 30,000-row
# Connections.csv is about 5 MB.
MAX_FILE_BYTES = 32 * 1024 * 1024
MAX_TOTAL_BYTES = 64 * 1024 * 1024
# The header row is found among the first lines (the preamble has three or four).
HEADER_SEARCH_ROWS = 10
# The longest text kept from a field: a sanity bound (the import cuts each to the API's own
# limits for that field).
FIELD_MAX = 5000
_CHUNK = 64 * 1024

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})$")  # 15 Mar 2024
_MONTH_YEAR = re.compile(r"^([A-Za-z]{3})[a-z]* (\d{4})$")  # Mar 2019
_YEAR = re.compile(r"^(\d{4})$")  # 2012 (Education.csv's dates)


class Malformed(Exception):
    """A file that cannot be read: ``file:line: why``."""

    def __init__(self, file: str, line: int, why: str):
        super().__init__(f"{file}:{line}: {why}")
        self.file, self.line, self.why = file, line, why


@dataclass(frozen=True)
class Layout:
    """One of the four files: its columns in LinkedIn's order (the newest layout), and those
    that identify its header row."""

    name: str  # the file's name in LinkedIn's zip
    columns: tuple[str, ...]
    required: tuple[str, ...]


CONNECTIONS = Layout(
    "Connections.csv",
    ("First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"),
    ("First Name", "Last Name", "Company", "Position", "Connected On"),  # older: no URL
)
POSITIONS = Layout(
    "Positions.csv",
    ("Company Name", "Title", "Description", "Location", "Started On", "Finished On"),
    ("Company Name", "Title", "Started On"),
)
EDUCATION = Layout(
    "Education.csv",
    ("School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"),
    ("School Name",),
)
PROFILE = Layout(
    "Profile.csv",
    (
        "First Name",
        "Last Name",
        "Maiden Name",
        "Address",
        "Birth Date",
        "Headline",
        "Summary",
        "Industry",
        "Zip Code",
        "Geo Location",
        "Twitter Handles",
        "Websites",
        "Instant Messengers",
    ),
    ("First Name", "Last Name", "Headline"),
)
LAYOUTS = (CONNECTIONS, POSITIONS, EDUCATION, PROFILE)
KNOWN_FILES = {layout.name.lower(): layout for layout in LAYOUTS}


@dataclass
class Export:
    """What an upload holds: the usable rows of each file (each with its ``file`` and
    ``line``), how many rows were read, and the skipped ones as ``file:line: why``."""

    connections: list[dict] = field(default_factory=list)
    positions: list[dict] = field(default_factory=list)
    education: list[dict] = field(default_factory=list)
    profile: dict | None = None
    rows_read: int = 0
    skipped: list[str] = field(default_factory=list)
    layouts: set[str] = field(default_factory=set)  # the files read: Connections.csv, ...


# -- reading uploads ----------------------------------------------------------------------------


def read_files(files: list[tuple[str, bytes]]) -> Export:
    """An export from files: ``(name, content)``, each a zip or one of the CSV files (which
    one is told by its header row, whatever its name)."""
    export, total = Export(), 0
    for name, content in files:
        if name.lower().endswith(".zip") or content[:4] == b"PK\x03\x04":
            for member, text in _zip_members(name, content):
                _add(export, member, text, KNOWN_FILES[PurePosixPath(member).name.lower()])
            continue
        total += len(content)
        if len(content) > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES:
            raise Malformed(name, 1, f"larger than {MAX_FILE_BYTES // 2**20} MB")
        _add(export, name, content, None)
    return export


def read_path(path: Path) -> Export:
    """An export from a zip file, or a folder holding the CSV files (LinkedIn's zip,
    unpacked)."""
    if path.is_file():
        return read_files([(str(path), path.read_bytes())])
    files = [
        (str(p), p.read_bytes())
        for p in sorted(path.iterdir())
        if p.is_file() and p.name.lower() in KNOWN_FILES
    ]
    return read_files(files)


def _zip_members(name: str, content: bytes):
    """``(name, bytes)`` of the known files in a zip, within the size limits."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        entries = [
            info
            for info in archive.infolist()
            if not info.is_dir() and PurePosixPath(info.filename).name.lower() in KNOWN_FILES
        ]
    except (zipfile.BadZipFile, ValueError, OSError) as error:
        raise Malformed(name, 1, f"not a zip file ({error})") from None
    seen: dict[str, str] = {}
    for info in entries:
        base = PurePosixPath(info.filename).name.lower()
        if base in seen:
            raise Malformed(name, 1, f"two {KNOWN_FILES[base].name}: {seen[base]}, {info.filename}")
        seen[base] = info.filename
    declared = sum(info.file_size for info in entries)
    for info in entries:
        if info.file_size > MAX_FILE_BYTES or declared > MAX_TOTAL_BYTES:
            raise Malformed(
                f"{name}/{info.filename}", 1, f"unpacks to more than {MAX_FILE_BYTES // 2**20} MB"
            )
    total = 0
    for info in entries:
        member = f"{name}/{info.filename}"
        chunks, size = [], 0
        try:
            with archive.open(info) as stream:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    total += len(chunk)
                    # Declarations can lie: count what actually comes out.
                    if size > MAX_FILE_BYTES or total > MAX_TOTAL_BYTES or size > info.file_size:
                        raise Malformed(member, 1, "unpacks to more than it declares or allows")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, RuntimeError, ValueError, OSError, EOFError) as error:
            # RuntimeError: an encrypted entry; the others: a damaged one.
            raise Malformed(member, 1, f"cannot be unpacked ({error})") from None
        yield member, b"".join(chunks)


# -- one CSV file -------------------------------------------------------------------------------


def _add(export: Export, name: str, content: bytes, expected: Layout | None) -> None:
    layout, header, records = _parse(name, content, expected)
    if layout.name in export.layouts:
        raise Malformed(name, 1, f"a second {layout.name} in one import")
    export.layouts.add(layout.name)
    for line, values in records:
        if len(values) != len(header):
            if not any(v.strip() for v in values):
                continue  # a row of bare commas, as LinkedIn ends some files
            export.skipped.append(
                f"{name}:{line}: {len(values)} fields where the header has {len(header)}"
            )
            export.rows_read += 1
            continue
        row = {column: _text(value) for column, value in zip(header, values, strict=True)}
        if not any(row.values()):
            continue
        export.rows_read += 1
        try:
            _ROWS[layout.name](export, row, name, line)
        except _Skip as skip:
            export.skipped.append(f"{name}:{line}: {skip}")


def _parse(name: str, content: bytes, expected: Layout | None):
    """``(layout, header, [(line, values)])``: the file decoded, its header row found."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise Malformed(name, line, "not UTF-8 text") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    records, start = [], 1
    try:
        for values in reader:
            records.append((start, values))
            start = reader.line_num + 1
    except csv.Error as error:
        raise Malformed(name, start, f"not CSV ({error})") from None
    for index, (line, values) in enumerate(records[:HEADER_SEARCH_ROWS]):
        columns = [v.strip().lstrip("\ufeff") for v in values]
        layout = _layout_of(columns)
        if layout is not None:
            if expected is not None and layout is not expected:
                raise Malformed(name, line, f"the header of {layout.name}, not {expected.name}")
            return layout, columns, records[index + 1 :]
    wanted = expected.required if expected else CONNECTIONS.required
    raise Malformed(name, 1, "no header row found (expected columns like " + ",".join(wanted) + ")")


def _layout_of(columns: list[str]) -> Layout | None:
    present = set(columns)
    # Connections' and Profile's headers share First Name and Last Name: the most specific
    # layout that fits wins.
    fitting = [layout for layout in LAYOUTS if set(layout.required) <= present]
    return max(fitting, key=lambda layout: len(layout.required), default=None)


def _text(value: str) -> str | None:
    value = value.strip()
    return value[:FIELD_MAX] if value else None


class _Skip(Exception):
    """A row that cannot be used; its message says why."""


def _connection(export: Export, row: dict, name: str, line: int) -> None:
    first, last = row.get("First Name") or "", row.get("Last Name") or ""
    full = f"{first} {last}".strip()
    if not full:
        raise _Skip("no name")
    connected_on = None
    if row.get("Connected On"):
        connected_on = _day(row["Connected On"])
        if connected_on is None:
            raise _Skip(f"Connected On {row['Connected On']!r} is not a date like 15 Mar 2024")
    export.connections.append(
        {
            "file": name,
            "line": line,
            "first_name": first or None,
            "last_name": last or None,
            "name": full,
            "url": row.get("URL"),
            "email": row.get("Email Address"),
            "company": row.get("Company"),
            "position": row.get("Position"),
            "connected_on": connected_on,
        }
    )


def _position(export: Export, row: dict, name: str, line: int) -> None:
    if not row.get("Company Name") or not row.get("Title"):
        raise _Skip("no Company Name or no Title")
    start = _month(row.get("Started On"), "Started On", required=True)
    end = _month(row.get("Finished On"), "Finished On")
    export.positions.append(
        {
            "file": name,
            "line": line,
            "company": row["Company Name"],
            "title": row["Title"],
            "description": row.get("Description"),
            "location": row.get("Location"),
            "start": start,
            "end": end,
        }
    )


def _education(export: Export, row: dict, name: str, line: int) -> None:
    if not row.get("School Name"):
        raise _Skip("no School Name")
    export.education.append(
        {
            "file": name,
            "line": line,
            "school": row["School Name"],
            "degree": row.get("Degree Name"),
            "start": _month(row.get("Start Date"), "Start Date"),
            "end": _month(row.get("End Date"), "End Date", end_of_year=True),
        }
    )


def _profile(export: Export, row: dict, name: str, line: int) -> None:
    if export.profile is not None:
        raise _Skip("a second profile row")
    full = f"{row.get('First Name') or ''} {row.get('Last Name') or ''}".strip()
    export.profile = {
        "file": name,
        "line": line,
        "name": full or None,
        "headline": row.get("Headline"),
        "summary": row.get("Summary"),
        "industry": row.get("Industry"),
        "location": row.get("Geo Location"),
        "websites": row.get("Websites"),
    }


_ROWS = {
    CONNECTIONS.name: _connection,
    POSITIONS.name: _position,
    EDUCATION.name: _education,
    PROFILE.name: _profile,
}


def _day(text: str) -> date | None:
    """``15 Mar 2024`` (any case, full month names too)."""
    match = _DAY_MONTH_YEAR.match(text)
    if not match or match[2].lower() not in _MONTHS:
        return None
    try:
        return date(int(match[3]), _MONTHS[match[2].lower()], int(match[1]))
    except ValueError:  # 31 Feb
        return None


def _month(
    text: str | None, column: str, *, required: bool = False, end_of_year: bool = False
) -> int | None:
    """``Mar 2019`` or ``2019`` as a month (``year * 12 + month - 1``); a bare year is its
    January, or its December for an end."""
    if not text:
        if required:
            raise _Skip(f"no {column}")
        return None
    if match := _MONTH_YEAR.match(text):
        if match[1].lower() in _MONTHS:
            return int(match[2]) * 12 + _MONTHS[match[1].lower()] - 1
    elif match := _YEAR.match(text):
        return int(match[1]) * 12 + (11 if end_of_year else 0)
    raise _Skip(f"{column} {text!r} is not a month like Mar 2019")
