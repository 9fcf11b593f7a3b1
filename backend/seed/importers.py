"""``mutuals seed import``: pick the reader for a path, validate everything, hand back a Dataset.

Formats: ``csv`` / ``jsonl`` (our own folder, see :mod:`backend.seed.formats`), ``snap``
(an edge-list file) and ``ldbc`` (a CsvBasic folder). ``auto`` decides from what is there.
"""

from __future__ import annotations

from pathlib import Path

from backend.db import Database
from backend.seed import formats, ldbc
from backend.seed.checks import Checker
from backend.seed.dataset import Dataset
from backend.seed.snap import SnapEdges

FORMATS = ("auto", "csv", "jsonl", "snap", "ldbc")


class UnknownFormat(ValueError):
    pass


def detect(path: Path) -> str:
    if path.is_file():
        return "snap"
    if not path.is_dir():
        raise UnknownFormat(f"{path} does not exist")
    kind = formats.detect_kind(path)
    if kind:
        return kind
    if ldbc.is_ldbc(path):
        return "ldbc"
    raise UnknownFormat(
        f"{path}: no people/connections/requests .csv or .jsonl, and no LDBC "
        "Person + Person_knows_Person files; say --format"
    )


def reader(path: Path, fmt: str = "auto", id_prefix: str = ""):
    fmt = detect(path) if fmt == "auto" else fmt
    if fmt in ("csv", "jsonl"):
        if id_prefix:
            raise UnknownFormat(
                "--id-prefix is for snap and ldbc data; our own files carry their ids"
            )
        if not path.is_dir():
            raise UnknownFormat(
                f"{path}: the {fmt} format is a folder of people/connections/requests files"
            )
        return formats.OwnFormat(path, fmt)
    if fmt == "snap":
        if not path.is_file():
            raise UnknownFormat(f"{path}: a SNAP edge list is one file")
        return SnapEdges(path, id_prefix)
    if fmt == "ldbc":
        if not path.is_dir():
            raise UnknownFormat(f"{path}: an LDBC CsvBasic dataset is a folder")
        return ldbc.LdbcFolder(path, id_prefix)
    raise UnknownFormat(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def prepare(db: Database, path: Path, fmt: str = "auto", id_prefix: str = "") -> Dataset:
    """Read and check every file; raises InvalidInput (every bad row) before anything is written."""
    source = reader(path, fmt, id_prefix)
    checker = Checker()
    source.check(checker)
    checker.finish(
        lambda ids: [row["id"] for row in db.read("seed.existing_people", 1, ids=ids)],
        lambda ids: {
            row["id"]: row["kind"] for row in db.read("seed.existing_organizations", 1, ids=ids)
        },
        lambda keys: {
            row["key"]: row["organization"]["id"]
            for row in db.read("organizations.find_keys", 1, keys=keys)
        },
    )
    return source.dataset(checker)
