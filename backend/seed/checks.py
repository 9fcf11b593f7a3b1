"""Validation shared by the importers: collect every bad row, resolve ids against the graph.

A source reads its files once with a :class:`Checker`, which records bad rows (file:line and
why), ids defined, ids referred to, and rows skipped on purpose. References to ids no file
defines are looked up in the graph at the end (a file may add connections between people
already loaded); whatever is still unknown is a bad row. Any bad row: nothing is written.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable

from backend.seed.dataset import BadRow, InvalidInput

LOOKUP_BATCH = 10_000


class Checker:
    def __init__(self) -> None:
        self.bad: list[BadRow] = []
        self.defined: dict[str, tuple[str, int]] = {}
        self._unresolved: dict[str, list[tuple[str, int]]] = defaultdict(list)
        self.skipped: Counter = Counter()
        self.totals: Counter = Counter()

    def bad_row(self, file: str, line: int, message: str) -> None:
        self.bad.append(BadRow(file, line, message))

    def define(self, file: str, line: int, person_id: str) -> bool:
        """A person defined at file:line; False (and a bad row) when the id is taken."""
        if person_id in self.defined:
            first_file, first_line = self.defined[person_id]
            self.bad_row(
                file, line, f"duplicate id {person_id!r} (first at {first_file}:{first_line})"
            )
            return False
        self.defined[person_id] = (file, line)
        return True

    def refer(self, file: str, line: int, person_id: str) -> None:
        """A row needs this person: defined by the files or already in the graph."""
        if person_id not in self.defined:
            self._unresolved[person_id].append((file, line))

    def finish(self, existing: Callable[[list[str]], Iterable[str]]) -> None:
        """Look unresolved ids up (``existing(ids)`` -> the ids that are people in the graph);
        raise :class:`InvalidInput` with every bad row, in file and line order."""
        ids = list(self._unresolved)
        found: set[str] = set()
        for start in range(0, len(ids), LOOKUP_BATCH):
            found.update(existing(ids[start : start + LOOKUP_BATCH]))
        for person_id in ids:
            if person_id not in found:
                for file, line in self._unresolved[person_id]:
                    self.bad_row(
                        file,
                        line,
                        f"unknown person {person_id!r} (not in the people file nor in the graph)",
                    )
        if self.bad:
            raise InvalidInput(sorted(self.bad))
