"""Write a :class:`Dataset` into Neo4j: batched ``UNWIND`` named queries in write transactions.

People first, then connections, then requests, then careers (organizations, positions,
education: docs/careers.md); each batch is one managed write transaction
(retried on transient errors, which is safe because every statement MERGEs). While Neo4j
writes one batch the next is being prepared (``workers`` transactions in flight). A progress
bar per phase and a :class:`LoadSummary` at the end.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field

from neo4j import ManagedTransaction
from tqdm import tqdm

from backend.db import Database
from backend.queries import Query
from backend.seed.dataset import Dataset

DEFAULT_BATCH_SIZE = 10_000
CAREERS = ("organizations", "positions", "education")
PHASES = ("people", "connections", "requests", *CAREERS)


@dataclass
class PhaseCount:
    rows: int = 0
    new: int = 0
    written: int = 0  # rows that ended with their node/relationship in the graph (new or not)
    seconds: float = 0.0

    @property
    def rate(self) -> float:
        return self.rows / self.seconds if self.seconds else 0.0


@dataclass
class LoadSummary:
    people: PhaseCount = field(default_factory=PhaseCount)
    connections: PhaseCount = field(default_factory=PhaseCount)
    requests: PhaseCount = field(default_factory=PhaseCount)
    organizations: PhaseCount = field(default_factory=PhaseCount)
    positions: PhaseCount = field(default_factory=PhaseCount)
    education: PhaseCount = field(default_factory=PhaseCount)
    skipped: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def line(self) -> str:
        skipped = sum(self.skipped.values())
        reasons = ", ".join(f"{n:,} {why}" for why, n in sorted(self.skipped.items()))
        return (
            f"people {self.people.rows:,} ({self.people.new:,} new), "
            f"connections {self.connections.rows:,} ({self.connections.new:,} new), "
            f"requests {self.requests.rows:,} ({self.requests.new:,} new), "
            f"{self._careers()}skipped {skipped:,}{f' ({reasons})' if reasons else ''}; "
            f"{self.connections.rate:,.0f} connections/s, "
            f"{self.total_rows / self.seconds if self.seconds else 0:,.0f} rows/s, "
            f"{self.seconds:.1f} s"
        )

    def _careers(self) -> str:
        """The careers phases, when the source had any (most edge lists have none)."""
        counts = {phase: getattr(self, phase) for phase in CAREERS}
        if not any(count.rows for count in counts.values()):
            return ""
        return "".join(f"{name} {c.rows:,} ({c.new:,} new), " for name, c in counts.items())

    @property
    def total_rows(self) -> int:
        return sum(getattr(self, phase).rows for phase in PHASES)


def batches(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    iterator = iter(rows)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _write_batch(tx: ManagedTransaction, query: Query, rows: list[dict]) -> tuple[int, int]:
    """One batch; (created, written). ``written`` is the query's own row count when it
    returns one (rows that MATCHed their people), else every row; ``created`` its own count
    when it returns one (an organization brings its key nodes), else the counters'."""
    result = tx.run(query.text, query.bind(rows=rows))
    record = result.single()
    counters = result.consume().counters
    created = counters.nodes_created or counters.relationships_created
    if record is not None and "created" in record.keys():
        created = record["created"]
    written = record["written"] if record is not None else len(rows)
    return created, written


class Loader:
    def __init__(
        self,
        db: Database,
        batch_size: int = DEFAULT_BATCH_SIZE,
        progress: bool | None = None,
        workers: int = 1,
    ):
        """``progress=None`` shows bars only on a terminal. ``workers`` > 1 runs that many
        write transactions at once (Neo4j then resolves lock waits, retrying deadlocks)."""
        if batch_size < 1 or workers < 1:
            raise ValueError("batch_size and workers must be at least 1")
        self.db = db
        self.batch_size = batch_size
        self.progress = progress
        self.workers = workers

    def load(self, dataset: Dataset) -> LoadSummary:
        summary = LoadSummary(skipped=Counter(dataset.skipped))
        began = time.perf_counter()
        with ThreadPoolExecutor(max_workers=self.workers) as pool:
            for phase, rows, query in (
                ("people", dataset.people(), "seed.merge_people"),
                ("connections", dataset.connections(), self._connections_query()),
                ("requests", dataset.requests(), "seed.merge_requests"),
                *((phase, getattr(dataset, phase)(), f"seed.merge_{phase}") for phase in CAREERS),
            ):
                count = getattr(summary, phase)
                self._phase(
                    pool, phase, rows, self.db.query(query, 1), dataset.totals.get(phase), count
                )
                unwritten = count.rows - count.written
                if unwritten:
                    summary.skipped[f"{phase} not written (unknown, blocked or superseded)"] += (
                        unwritten
                    )
        summary.seconds = time.perf_counter() - began
        return summary

    def _connections_query(self) -> str:
        """Blocks and pending requests constrain new connections; in a graph without any
        (a fresh load) the checks cost a third of the time and can be left out."""
        counts = self.db.read("seed.graph_counts", 1)[0]
        return (
            "seed.merge_connections_bulk"
            if counts["blocked"] == counts["requests"] == 0
            else "seed.merge_connections"
        )

    def _phase(
        self,
        pool: ThreadPoolExecutor,
        phase: str,
        rows: Iterable[dict],
        query: Query,
        total: int | None,
        count: PhaseCount,
    ) -> None:
        began = time.perf_counter()
        in_flight: list[tuple[Future, int]] = []
        with tqdm(
            total=total,
            desc=f"{phase:<11}",
            unit=" rows",
            unit_scale=True,
            disable=None if self.progress is None else not self.progress,
        ) as bar:

            def settle(future: Future, size: int) -> None:
                created, written = future.result()
                count.rows += size
                count.new += created
                count.written += written
                bar.update(size)

            for batch in batches(rows, self.batch_size):
                in_flight.append(
                    (pool.submit(self.db.write_tx, _write_batch, query, batch), len(batch))
                )
                # Prepare the next batch while these are written; never more than one spare.
                while len(in_flight) > self.workers:
                    settle(*in_flight.pop(0))
            for future, size in in_flight:
                settle(future, size)
        count.seconds = time.perf_counter() - began
