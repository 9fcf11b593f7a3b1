"""Prometheus metrics of the HTTP API, served at /metrics."""

from __future__ import annotations

import os

from flask import Flask
from prometheus_client import CollectorRegistry

from backend import query_metrics


def init_metrics(app: Flask) -> CollectorRegistry:
    """Prometheus at /metrics, with the named queries' metrics (backend/query_metrics.py);
    under gunicorn, aggregated across workers. Returns the registry the app's own metrics
    join."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_flask_exporter.multiprocess import GunicornInternalPrometheusMetrics

        return GunicornInternalPrometheusMetrics(app, group_by="endpoint").registry
    from prometheus_flask_exporter import PrometheusMetrics

    # A registry per app, so that tests can build many apps in one process.
    registry = PrometheusMetrics(
        app, group_by="endpoint", registry=CollectorRegistry(auto_describe=True)
    ).registry
    query_metrics.register(registry)
    return registry
