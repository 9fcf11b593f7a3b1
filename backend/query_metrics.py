"""What each named query costs: a duration histogram and an error counter per query and
version, the Neo4j driver's connection pool, and a log line for a slow query.

The metrics live in this module (one set per process) and join an app's registry in
:func:`register`; under gunicorn, prometheus_client's multiprocess mode aggregates them
across workers on its own.
"""

from __future__ import annotations

import logging
import time
from contextlib import contextmanager

import neo4j
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from backend.queries import Query

log = logging.getLogger("mutuals.queries")

QUERY_SECONDS = Histogram(
    "mutuals_query_seconds",
    "Time to run one named Cypher query and read its rows",
    ["query", "version"],
    buckets=(0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
    registry=None,
)
QUERY_ERRORS = Counter(
    "mutuals_query_errors",
    "Named Cypher queries that raised, by the driver's error class",
    ["query", "version", "error"],
    registry=None,
)
POOL_CONNECTIONS = Gauge(
    "mutuals_neo4j_pool_connections",
    "Connections in the Neo4j driver's pool, in use or idle (summed over live workers)",
    ["state"],
    multiprocess_mode="livesum",
    registry=None,
)
_COLLECTORS = (QUERY_SECONDS, QUERY_ERRORS, POOL_CONNECTIONS)
_clock = time.perf_counter  # tests replace it


class _Slow:
    # Above this many milliseconds a query is logged (MUTUALS_SLOW_QUERY_MS; 0: never).
    threshold_ms = 500


def configure(slow_query_ms: int) -> None:
    _Slow.threshold_ms = slow_query_ms


def register(registry: CollectorRegistry) -> None:
    """Add the query metrics to an app's own registry (outside gunicorn: in multiprocess mode
    prometheus_client collects them from the workers' files by itself)."""
    for collector in _COLLECTORS:
        registry.register(collector)


@contextmanager
def observed(query: Query):
    """Time one run of ``query``; count it as an error if it raises."""
    labels = (query.name, str(query.version))
    start = _clock()
    try:
        yield
    except Exception as error:
        QUERY_ERRORS.labels(*labels, type(error).__name__).inc()
        raise
    finally:
        seconds = _clock() - start
        QUERY_SECONDS.labels(*labels).observe(seconds)
        if _Slow.threshold_ms and seconds * 1000 >= _Slow.threshold_ms:
            log.warning(
                "slow query",
                extra={"query": query.name, "version": query.version, "ms": round(seconds * 1000)},
            )


def record_pool(driver: neo4j.Driver) -> None:
    """Set the pool gauges from the driver's pool (a private attribute of neo4j 6: if it
    moves, the gauges stay where they were rather than break a request)."""
    try:
        pool = driver._pool
        with pool.lock:
            connections = [c for per_address in pool.connections.values() for c in per_address]
    except AttributeError:
        return
    in_use = sum(1 for c in connections if c.in_use)
    POOL_CONNECTIONS.labels("in_use").set(in_use)
    POOL_CONNECTIONS.labels("idle").set(len(connections) - in_use)
