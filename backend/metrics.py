"""Prometheus metrics of the HTTP API, served at /metrics to the admin token only (they show
traffic, errors and the database's pool: an attacker's map of the service)."""

from __future__ import annotations

import os
from functools import wraps

from flask import Flask
from prometheus_client import CollectorRegistry

from backend import query_metrics
from backend.auth import require_admin


def init_metrics(app: Flask) -> CollectorRegistry:
    """Prometheus at /metrics, with the named queries' metrics (backend/query_metrics.py);
    under gunicorn, aggregated across workers. Returns the registry the app's own metrics
    join."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_flask_exporter.multiprocess import GunicornInternalPrometheusMetrics

        return GunicornInternalPrometheusMetrics(
            app, group_by="endpoint", metrics_decorator=_admin_only
        ).registry
    from prometheus_flask_exporter import PrometheusMetrics

    # A registry per app, so that tests can build many apps in one process.
    registry = PrometheusMetrics(
        app,
        group_by="endpoint",
        registry=CollectorRegistry(auto_describe=True),
        metrics_decorator=_admin_only,
    ).registry
    query_metrics.register(registry)
    return registry


def _admin_only(view):
    @wraps(view)
    def guarded(*args, **kwargs):
        require_admin()
        return view(*args, **kwargs)

    return guarded
