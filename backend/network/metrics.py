"""Prometheus metrics of the network views, at /metrics beside the request metrics."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class ViewMetrics:
    def __init__(self, registry: CollectorRegistry):
        self.reads = Counter(
            "mutuals_view_reads",
            "Discovery reads by how they were answered: view (from a "
            "network view), live (no current view: light person, outdated, or views off), "
            "past_view (a filter or page the view cannot answer)",
            ["part", "outcome"],
            registry=registry,
        )
        self.refresh_seconds = Histogram(
            "mutuals_view_refresh_seconds",
            "Time to compute one part of a network view",
            ["part"],
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
            registry=registry,
        )
        self.delta_seconds = Histogram(
            "mutuals_view_delta_seconds",
            "Time to apply a batch of changes (all that waited) to the views of the people's "
            "connections",
            buckets=(0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
            registry=registry,
        )
        self.delta_lag_seconds = Histogram(
            "mutuals_view_delta_lag_seconds",
            "From a change's response to its neighbours' delta applied (queue wait included): "
            "how soon others' changes reach a view",
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 10, 30, 60),
            registry=registry,
        )
        self.pending = Gauge(
            "mutuals_view_pending",
            "Changes waiting for their neighbours' delta (summed over live workers): a backlog "
            "when it grows",
            multiprocess_mode="livesum",
            registry=registry,
        )
        self.deltas_dropped = Counter(
            "mutuals_view_deltas_dropped",
            "Changes whose neighbours' delta was not applied (queue full, or it failed "
            "after its retries): those views catch up within the max age",
            registry=registry,
        )
        self.delta_failures = Counter(
            "mutuals_view_delta_failures",
            "Attempts to apply neighbours' deltas that failed (each is tried again after a "
            "pause, then change by change; what still fails is dropped)",
            registry=registry,
        )
        self.refresh_failures = Counter(
            "mutuals_view_refresh_failures",
            "Background view refreshes that failed",
            ["part"],
            registry=registry,
        )
