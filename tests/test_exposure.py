"""What the server shows to whom, under gunicorn started as production starts it: /metrics
and /readyz's details only to the admin token, Flask's debug mode never on, and metrics that
count every worker's requests with no PROMETHEUS_MULTIPROC_DIR given."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families

from backend.config import PROJECT_ROOT
from harness.gunicorn import Gunicorn, free_port
from tests.support.graph import auth
from tests.support.servers import production_environment

ADMIN = auth("test-admin-token")


@pytest.fixture
def production(database, tmp_path):
    with Gunicorn(
        free_port(),
        workers=2,
        threads=2,
        log=tmp_path / "gunicorn.log",
        environ=production_environment(database),
    ) as server:
        yield server


def requests_counted(base: str, endpoint: str) -> float:
    """How many requests /metrics says ``endpoint`` answered (summed over the workers)."""
    text = requests.get(base + "/metrics", headers=ADMIN, timeout=30).text
    return sum(
        sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
        if sample.name == "flask_http_request_duration_seconds_count"
        and sample.labels.get("endpoint") == endpoint
    )


def test_metrics_count_every_workers_requests_under_the_production_command(production):
    assert "PROMETHEUS_MULTIPROC_DIR" not in production.env
    before = requests_counted(production.base, "health.Health")
    for _ in range(20):  # two workers: both answer some of them
        assert requests.get(production.base + "/healthz", timeout=30).ok
    assert requests_counted(production.base, "health.Health") - before == 20


def test_metrics_need_the_admin_token(production):
    for headers in ({}, auth("not-the-admin-token")):
        response = requests.get(production.base + "/metrics", headers=headers, timeout=30)
        assert response.status_code == 401, response.text
        assert "flask_http" not in response.text
    response = requests.get(production.base + "/metrics", headers=ADMIN, timeout=30)
    assert response.status_code == 200 and "flask_http_request_total" in response.text


def test_readyz_tells_only_the_admin_about_neo4j(production):
    anyone = requests.get(production.base + "/readyz", timeout=30)
    assert anyone.status_code == 200 and anyone.json() == {"status": "ready"}
    admin = requests.get(production.base + "/readyz", headers=ADMIN, timeout=30).json()
    assert admin["neo4j"]["version"].startswith("5.") and admin["migrations"]["pending"] == []


def test_debug_is_never_on_under_gunicorn(database, tmp_path):
    """FLASK_DEBUG=1 left in a deployment's environment (or .env) does not reach the app: in
    debug mode Flask indents its JSON (and lets errors escape the problem+json handlers)."""
    environ = production_environment(database, FLASK_DEBUG="1")
    with Gunicorn(free_port(), 1, 1, tmp_path / "gunicorn.log", environ) as server:
        body = requests.get(server.base + "/healthz", timeout=30).text
    assert body.strip() == '{"status":"ok"}', body


def test_python_app_py_runs_without_the_debugger(database, tmp_path):
    """`python app.py` serves without Werkzeug's debugger (which runs code a visitor sends)
    unless FLASK_DEBUG=1 asks for it, as `flask run` does."""
    port = free_port()
    environ = production_environment(database, MUTUALS_PORT=str(port))
    log = tmp_path / "app.log"
    with open(log, "wb") as out:
        server = subprocess.Popen(
            [sys.executable, "app.py"], cwd=PROJECT_ROOT, env=environ, stdout=out, stderr=out
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(base + "/healthz", timeout=5)
                break
            except requests.RequestException:
                assert server.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        # The debugger serves its own assets to anyone who asks; the app answers as usual.
        asset = requests.get(
            base + "/healthz", params={"__debugger__": "yes", "cmd": "resource", "f": "style.css"}
        )
        assert asset.headers["Content-Type"] == "application/json", asset.headers
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert "Debugger is active" not in Path(log).read_text()
