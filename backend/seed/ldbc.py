"""LDBC SNB CsvBasic folders (``|`` separated), as datagen writes them.

Read: Person (id, firstName, lastName, creationDate), Person_knows_Person (undirected, with
creationDate), and when present Person_isLocatedIn_Place + Place (location: the city's
name), Organisation (its type: Company a company, University a school; ids
``<prefix>org-<id>``), Person_workAt_Organisation (a position from January of ``workFrom``,
titled "Employee": LDBC has no titles; each ends the month before the person's next one
starts, the latest is current) and Person_studyAt_Organisation (education ending in June of
``classYear``, start and degree unknown).
File names match case-insensitively with or without datagen's ``_0_0`` part, in any
sub-folder; headers may be plain (``Person.id|Person.id|creationDate``) or neo4j-admin style
(``:START_ID(Person)|:END_ID(Person)|creationDate:LONG``). Dates may be ISO text, datagen's
``yyyyMMddHHmmssSSS`` numbers or epoch milliseconds.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from backend import months
from backend.seed.checks import Checker
from backend.seed.dataset import (
    Dataset,
    connection_row,
    education_row,
    iso_datetime,
    organization_row,
    person_row,
    position_row,
)

FILES = {
    "person": "person",
    "knows": "person_knows_person",
    "located": "person_islocatedin_place",
    "place": "place",
    "organisation": "organisation",
    "work": "person_workat_organisation",
    "study": "person_studyat_organisation",
}
_PART = re.compile(r"_\d+_\d+$")
# An Organisation's type (CsvBasic's `type`, neo4j-admin's `:LABEL`) -> our kind.
KINDS = {"company": "company", "university": "school"}
LINKS = {"work": "company", "study": "school"}  # the kind each link's organisation must be
TITLE = "Employee"  # LDBC's workAt has no title; a position needs one


def find_files(folder: Path) -> dict[str, Path]:
    """Our name for each LDBC file found under ``folder``."""
    wanted = {stem: key for key, stem in FILES.items()}
    found: dict[str, Path] = {}
    for path in sorted(folder.rglob("*.csv")):
        key = wanted.get(_PART.sub("", path.stem.lower()))
        if key and key not in found:
            found[key] = path
    return found


def is_ldbc(folder: Path) -> bool:
    found = find_files(folder)
    return "person" in found and "knows" in found


def ldbc_datetime(text: str) -> str:
    """ISO text for an LDBC date: ISO already, yyyyMMddHHmmssSSS, yyyyMMdd or epoch millis."""
    text = text.strip()
    if text.isdigit():
        if len(text) == 17:
            moment = datetime.strptime(text[:14], "%Y%m%d%H%M%S").replace(tzinfo=UTC)
            return f"{moment:%Y-%m-%dT%H:%M:%S}.{text[14:]}Z"
        if len(text) == 8:
            return iso_datetime(f"{text[:4]}-{text[4:6]}-{text[6:]}")
        moment = datetime.fromtimestamp(int(text) / 1000, tz=UTC)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return iso_datetime(text)


def _column(header: str) -> str:
    """``id:ID(Person)`` -> ``id``; ``firstName:STRING`` -> ``firstname``; ``:LABEL`` ->
    ``type``."""
    return header.split(":")[0].strip().lower() or header.strip(":").lower().replace(
        "label", "type"
    )


def _display(name: str) -> str:
    return name.replace("_", " ")


class LdbcFolder:
    def __init__(self, folder: Path, id_prefix: str = ""):
        self.files = find_files(folder)
        self.prefix = id_prefix
        self.people: dict[str, dict] = {}  # person id -> properties being assembled
        self.organisations: dict[str, dict] = {}  # LDBC id -> organization row
        # person id -> [(organisation id, year)], per link (work, study)
        self.links: dict[str, dict[str, list[tuple[str, int]]]] = {key: {} for key in LINKS}

    def _rows(self, key: str) -> Iterator[tuple[str, int, list[str] | None, list[str] | str]]:
        """(file, line, header, values) per row; values is a str when the row is bad."""
        path = self.files[key]
        with path.open(newline="", encoding="utf-8") as handle:
            reader = csv.reader(handle, delimiter="|", quoting=csv.QUOTE_NONE)
            raw = next(reader, [])
            # datagen ends lines with '|': an empty last column.
            header = [_column(h) for h in (raw[:-1] if raw and raw[-1] == "" else raw)]
            for values in reader:
                line = reader.line_num
                if values and values[-1] == "" and len(values) == len(header) + 1:
                    values = values[:-1]
                if not values:
                    continue
                if len(values) != len(header):
                    yield (
                        path.name,
                        line,
                        header,
                        (
                            f"wrong column count: {len(values)} values for "
                            f"{len(header)} columns ({'|'.join(header)})"
                        ),
                    )
                else:
                    yield path.name, line, header, values

    def _names(self, checker: Checker, key: str) -> dict[str, str]:
        names: dict[str, str] = {}
        if key not in self.files:
            return names
        for file, line, header, values in self._rows(key):
            if isinstance(values, str):
                checker.bad_row(file, line, values)
            elif "id" not in header or "name" not in header:
                checker.bad_row(file, 1, f"want columns id and name, got {'|'.join(header)}")
                return names
            else:
                names[values[header.index("id")]] = _display(values[header.index("name")])
        return names

    def check(self, checker: Checker) -> None:
        for key in ("person", "knows"):
            if key not in self.files:
                checker.bad_row(
                    FILES[key] + ".csv",
                    0,
                    "missing: an LDBC folder needs Person and Person_knows_Person",
                )
        if checker.bad:
            return
        places = self._names(checker, "place")
        self._check_organisations(checker)
        self._check_people(checker)
        self._link(
            checker,
            "located",
            places,
            "place",
            lambda props, name, _: props.__setitem__("location", name),
        )
        for key, kind in LINKS.items():
            self._link(
                checker,
                key,
                self.organisations,
                "organisation",
                self._career(checker, key, kind),
            )
        for file, line, _, values in self._rows("knows"):
            if isinstance(values, str):
                checker.bad_row(file, line, values)
                continue
            a, b = self.prefix + values[0], self.prefix + values[1]
            if a == b:
                checker.skipped["self-loops"] += 1
                continue
            try:
                ldbc_datetime(values[2]) if len(values) > 2 else None
            except ValueError as error:
                checker.bad_row(file, line, str(error))
                continue
            checker.refer(file, line, a)
            checker.refer(file, line, b)
            checker.totals["connections"] += 1

    def _check_organisations(self, checker: Checker) -> None:
        if "organisation" not in self.files:
            return
        for file, line, header, values in self._rows("organisation"):
            if isinstance(values, str):
                checker.bad_row(file, line, values)
                continue
            row = dict(zip(header, values, strict=True))
            missing = [c for c in ("id", "type", "name") if c not in row]
            if missing:
                checker.bad_row(file, 1, f"missing column(s) {', '.join(missing)}")
                return
            kind = KINDS.get(row["type"].lower())
            if kind is None:
                checker.bad_row(
                    file, line, f"type {row['type']!r} is neither Company nor University"
                )
                continue
            organization = organization_row(
                f"{self.prefix}org-{row['id']}", kind, _display(row["name"])
            )
            self.organisations[row["id"]] = organization
            checker.organizations.define(organization)
            checker.totals["organizations"] += 1

    def _career(self, checker: Checker, key: str, kind: str):
        """What a workAt/studyAt row records (after its person, organisation and year are
        checked): the organisation of the right kind, in the person's list."""

        def record(file: str, line: int, person_id: str, organisation: str, year: int) -> None:
            found = self.organisations[organisation]["kind"]
            if found != kind:
                checker.bad_row(
                    file, line, f"organisation {organisation!r} is a {found}, not a {kind}"
                )
                return
            entries = self.links[key].setdefault(person_id, [])
            if any(seen == organisation for seen, _ in entries):
                checker.skipped[f"repeated {key} rows"] += 1
                return
            entries.append((organisation, year))
            checker.totals["positions" if key == "work" else "education"] += 1

        return record

    def _check_people(self, checker: Checker) -> None:
        for file, line, header, values in self._rows("person"):
            if isinstance(values, str):
                checker.bad_row(file, line, values)
                continue
            row = dict(zip(header, values, strict=True))
            missing = [c for c in ("id", "firstname", "lastname") if c not in row]
            if missing:
                checker.bad_row(file, 1, f"missing column(s) {', '.join(missing)}")
                return
            person_id = self.prefix + row["id"]
            try:
                created = ldbc_datetime(row["creationdate"]) if row.get("creationdate") else None
            except ValueError as error:
                checker.bad_row(file, line, str(error))
                continue
            if checker.define(file, line, person_id):
                self.people[person_id] = {
                    "name": f"{row['firstname']} {row['lastname']}".strip(),
                    "created_at": created,
                }
        checker.totals["people"] = len(self.people)

    def _link(self, checker: Checker, key: str, targets: dict, kind: str, apply) -> None:
        """Person -> place/organisation rows; ``apply(props, name, year)`` records a place,
        ``apply(file, line, person id, organisation id, year)`` an organisation."""
        if key not in self.files:
            return
        for file, line, _, values in self._rows(key):
            if isinstance(values, str):
                checker.bad_row(file, line, values)
                continue
            person_id, target = self.prefix + values[0], values[1]
            year = values[2] if len(values) > 2 else ""
            if person_id not in self.people:
                checker.bad_row(
                    file, line, f"unknown person {person_id!r} (not in the Person file)"
                )
            elif target not in targets:
                checker.bad_row(file, line, f"unknown {kind} {target!r}")
            elif year and not year.isdigit():
                checker.bad_row(file, line, f"bad year {year!r}")
            elif key == "located":
                apply(self.people[person_id], targets[target], int(year or 0))
            else:
                apply(file, line, person_id, target, int(year or 0))

    def dataset(self, checker: Checker) -> Dataset:
        def people():
            for person_id, props in self.people.items():
                props = dict(props)
                created_at = props.pop("created_at")
                yield person_row(person_id, props, created_at=created_at)

        def connections():
            for _, _, _, values in self._rows("knows"):
                a, b = self.prefix + values[0], self.prefix + values[1]
                if a != b:
                    yield connection_row(
                        a, b, ldbc_datetime(values[2]) if len(values) > 2 else None
                    )

        return Dataset(
            people=people,
            connections=connections,
            organizations=lambda: self.organisations.values(),
            positions=self._positions,
            education=self._education,
            totals=dict(checker.totals),
            skipped=checker.skipped,
        )

    def _positions(self):
        """From January of workFrom; each until the month before the next one starts (the
        ones starting in the latest year are current)."""
        for person_id, entries in self.links["work"].items():
            starts = sorted({year for _, year in entries})
            for organisation, year in entries:
                later = [y for y in starts if y > year]
                yield position_row(
                    f"{self.prefix}work-{person_id.removeprefix(self.prefix)}-{organisation}",
                    person_id,
                    self.organisations[organisation]["id"],
                    {
                        "title": TITLE,
                        "start": year * 12,
                        "end": later[0] * 12 - 1 if later else None,
                    },
                )

    def _education(self):
        """Ending in June of classYear (still studying when that is to come)."""
        this_month = months.month_of(datetime.now(UTC))
        for person_id, entries in self.links["study"].items():
            for organisation, year in entries:
                end = year * 12 + 5
                yield education_row(
                    f"{self.prefix}study-{person_id.removeprefix(self.prefix)}-{organisation}",
                    person_id,
                    self.organisations[organisation]["id"],
                    {"end": end if end <= this_month else None},
                )
