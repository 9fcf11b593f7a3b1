"""gunicorn settings for mutuals (``gunicorn -c gunicorn.conf.py app:app``).

No preload: each worker imports the app after the fork, so each creates its own Neo4j
driver. Prometheus metrics are aggregated across workers through PROMETHEUS_MULTIPROC_DIR.
"""

import multiprocessing
import os
import tempfile

# Before anything imports prometheus_client (backend does): it picks in-memory or file-backed
# metrics once, at import, and the workers inherit that choice from this process.
os.environ.setdefault("PROMETHEUS_MULTIPROC_DIR", tempfile.mkdtemp(prefix="mutuals-metrics-"))
# Flask's debug mode is for `flask run` only, whatever the environment or a .env says (.env
# never overrides a variable already set): it shows internals and lets errors escape.
os.environ["FLASK_DEBUG"] = "0"

from backend.request_log import LOGGING  # noqa: E402 - after the variable above

bind = f"{os.environ.get('MUTUALS_HOST', '127.0.0.1')}:{os.environ.get('MUTUALS_PORT', '8000')}"
workers = int(os.environ.get("MUTUALS_WORKERS", multiprocessing.cpu_count() * 2 + 1))
# Requests wait on Neo4j most of the time: threads overlap that wait cheaply.
worker_class = "gthread"
threads = int(os.environ.get("MUTUALS_THREADS", 4))
preload_app = False
timeout = 60
# On SIGTERM the master stops accepting, and each worker finishes the requests it holds
# (bounded by MUTUALS_DB_TIMEOUT_S when Neo4j is away) before it exits, for up to this long;
# compose's stop_grace_period (30 s) is longer.
graceful_timeout = 20
# JSON lines on stdout (backend/request_log.py): the app writes the request line itself.
logconfig_dict = LOGGING
accesslog = None


def child_exit(server, worker):
    from prometheus_flask_exporter.multiprocess import GunicornInternalPrometheusMetrics

    GunicornInternalPrometheusMetrics.mark_process_dead_on_child_exit(worker.pid)
