"""The benchmarks' own Cypher (bench/cypher: the naive queries the product's are compared with,
and the picking of people to measure), beside the product's queries (cypher/queries)."""

from __future__ import annotations

from backend.config import PROJECT_ROOT
from backend.db import Database
from backend.queries import QUERIES_DIR, QueryRegistry

BENCH_QUERIES_DIR = PROJECT_ROOT / "bench" / "cypher"


def bench_registry() -> QueryRegistry:
    """The product's queries and the benchmarks' (their names do not overlap)."""
    return QueryRegistry(QUERIES_DIR, BENCH_QUERIES_DIR)


def with_bench_queries(db: Database) -> Database:
    """``db`` (e.g. an app's) able to run the benchmarks' queries too."""
    db.queries = bench_registry()
    return db
