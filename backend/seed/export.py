"""``mutuals seed export DIR``: the graph's people, connections, requests and careers
(organizations, positions, education) in our own format (and :func:`write_dataset`: any
dataset, e.g. a generated one, to the same files).

Each table streams from one read transaction straight into its file, so memory stays flat
at any size; ``mutuals seed import DIR`` reads the folder back into the same graph. Tokens,
blocks, closeness ratings, dismissed suggestions, introductions and target boards are not
part of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from neo4j import ManagedTransaction
from tqdm import tqdm

from backend.db import Database
from backend.months import as_text
from backend.queries import Query
from backend.seed.dataset import Dataset
from backend.seed.formats import (
    CONNECTIONS,
    EDUCATION,
    ORGANIZATIONS,
    PEOPLE,
    POSITIONS,
    REQUESTS,
    Table,
    Writer,
)


def _months(row: dict) -> dict:
    """start and end as the files write them ("YYYY-MM")."""
    return {**row, "start": as_text(row.get("start")), "end": as_text(row.get("end"))}


def _organization(row: dict) -> dict:
    return {key: row[key] for key in ORGANIZATIONS.columns}


def _career(organization_column: str) -> Callable[[dict], dict]:
    def shape(row: dict) -> dict:
        return _months(
            {
                "id": row["id"],
                "person": row["person"],
                organization_column: row["organization"],
                **row["fields"],
                "created_at": row["created_at"],
                "updated_at": row["updated_at"],
            }
        )

    return shape


# table, query, and how a query row becomes a file row
_EXPORTS: tuple[tuple[Table, str, Callable[[dict], dict]], ...] = (
    (PEOPLE, "seed.export_people", lambda row: row),
    (CONNECTIONS, "seed.export_connections", lambda row: row),
    (
        REQUESTS,
        "seed.export_requests",
        lambda row: {
            "from": row["sender"],
            "to": row["recipient"],
            "created_at": row["created_at"],
            "note": row["note"],
            "state": row["state"],
        },
    ),
    (ORGANIZATIONS, "seed.export_organizations", lambda row: row),
    (POSITIONS, "seed.export_positions", _months),
    (EDUCATION, "seed.export_education", _months),
)


@dataclass
class ExportSummary:
    folder: Path
    counts: dict[str, int]

    def line(self) -> str:
        counts = ", ".join(f"{table} {n:,}" for table, n in self.counts.items())
        return f"exported {counts} to {self.folder}"


def export(
    db: Database, folder: Path, kind: str = "csv", progress: bool | None = None
) -> ExportSummary:
    folder.mkdir(parents=True, exist_ok=True)
    counts = {}
    for table, name, shape in _EXPORTS:
        counts[table.name] = db.read_tx(
            _write_table, db.query(name, 1), folder, table, kind, shape, progress
        )
    return ExportSummary(folder, counts)


def _write_table(
    tx: ManagedTransaction,
    query: Query,
    folder: Path,
    table: Table,
    kind: str,
    shape: Callable[[dict], dict],
    progress: bool | None,
) -> int:
    # Opened inside the transaction function: a retry rewrites the file from the start.
    writer = Writer(folder, table, kind)
    count = 0
    try:
        with tqdm(
            desc=f"{table.name:<11}",
            unit=" rows",
            unit_scale=True,
            disable=None if progress is None else not progress,
        ) as bar:
            for record in tx.run(query.text, query.bind()):
                writer.write(shape(record.data()))
                count += 1
                if count % 10_000 == 0:
                    bar.update(10_000)
            bar.update(count % 10_000)
    finally:
        writer.close()
    return count


def write_dataset(dataset: Dataset, folder: Path, kind: str = "csv") -> ExportSummary:
    """Write a dataset's rows as our own files, without touching the graph."""
    folder.mkdir(parents=True, exist_ok=True)
    shapes = (
        (
            PEOPLE,
            dataset.people,
            lambda r: {
                "id": r["id"],
                **r["on_create"],
                **r["props"],
                "created_at": r["created_at"],
            },
        ),
        (
            CONNECTIONS,
            dataset.connections,
            lambda r: {"a": r["a"], "b": r["b"], "since": r["since"]},
        ),
        (
            REQUESTS,
            dataset.requests,
            lambda r: {
                "from": r["sender"],
                "to": r["recipient"],
                "created_at": r["created_at"],
                "note": r["note"],
                "state": r["state"],
            },
        ),
        (ORGANIZATIONS, dataset.organizations, _organization),
        (POSITIONS, dataset.positions, _career("organization_id")),
        (EDUCATION, dataset.education, _career("school_id")),
    )
    counts = {}
    for table, rows, shape in shapes:
        writer = Writer(folder, table, kind)
        counts[table.name] = 0
        try:
            for row in rows():
                writer.write(shape(row))
                counts[table.name] += 1
        finally:
            writer.close()
    return ExportSummary(folder, counts)
