"""SNAP edge lists: one ``u v`` pair a line (whitespace separated; ``#`` and ``%`` lines are
comments), undirected. The people are the ids that appear; they get a placeholder name
("Person <id>") when new, which a later import of real profiles overwrites."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from backend.seed.checks import Checker
from backend.seed.dataset import Dataset, connection_row, person_row


class SnapEdges:
    def __init__(self, path: Path, id_prefix: str = ""):
        self.path = path
        self.prefix = id_prefix
        self.ids: dict[str, None] = {}  # insertion-ordered set: people in order of appearance

    def _lines(self) -> Iterator[tuple[int, list[str]]]:
        with self.path.open(encoding="utf-8") as handle:
            for line, text in enumerate(handle, start=1):
                text = text.strip()
                if text and not text.startswith(("#", "%")):
                    yield line, text.split()

    def check(self, checker: Checker) -> None:
        for line, parts in self._lines():
            if len(parts) != 2:
                checker.bad_row(
                    self.path.name, line, f"wrong column count: want 'u v', got {len(parts)} values"
                )
                continue
            a, b = (self.prefix + p for p in parts)
            self.ids.setdefault(a)
            self.ids.setdefault(b)
            if a == b:
                checker.skipped["self-loops"] += 1
            else:
                checker.totals["connections"] += 1
        checker.totals["people"] = len(self.ids)

    def dataset(self, checker: Checker) -> Dataset:
        def people():
            return (person_row(pid, {}, on_create={"name": f"Person {pid}"}) for pid in self.ids)

        def connections():
            for _, (a, b) in self._lines():
                if a != b:
                    yield connection_row(self.prefix + a, self.prefix + b, None)

        return Dataset(
            people=people,
            connections=connections,
            totals=dict(checker.totals),
            skipped=checker.skipped,
        )
