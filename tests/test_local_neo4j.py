"""The local Neo4j commands, against the server this suite runs on (when it is the local one)."""

from __future__ import annotations

import pytest
import requests

from backend.cli import cli
from backend.config import Settings
from backend.local_neo4j import LocalNeo4j, LocalNeo4jError

local_only = pytest.mark.skipif(
    not Settings.from_env().uses_local_neo4j, reason="NEO4J_URI points at an external Neo4j"
)


@local_only
def test_start_is_idempotent_and_env_points_at_the_server(app, settings):
    runner = app.test_cli_runner()
    again = runner.invoke(cli, ["neo4j", "start"])
    assert again.exit_code == 0 and "already running" in again.output
    status = runner.invoke(cli, ["neo4j", "status"])
    assert status.output.startswith("running") and settings.local.uri in status.output
    env = runner.invoke(cli, ["neo4j", "env"]).output
    assert f"NEO4J_URI={settings.local.uri}" in env and "NEO4J_USERNAME=neo4j" in env
    assert f"NEO4J_PASSWORD={settings.neo4j_password}" in env


@local_only
def test_the_local_server_serves_neo4j_browser_on_loopback(settings):
    response = requests.get(f"http://127.0.0.1:{settings.local.http_port}/browser/", timeout=10)
    assert response.status_code == 200
    config = (settings.local.home / "conf" / "neo4j.conf").read_text()
    assert "server.default_listen_address=127.0.0.1" in config
    assert "dbms.security.auth_enabled=true" in config


def test_without_java_it_says_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    server = LocalNeo4j(
        Settings.from_env(
            {"MUTUALS_LOCAL_NEO4J_DIR": str(tmp_path / "n"), "MUTUALS_LOCAL_BOLT_PORT": "1"}
        ).local
    )
    with pytest.raises(LocalNeo4jError, match="java not found: install JDK 17"):
        server.start()


def test_the_cli_exits_non_zero_with_one_line(tmp_path, monkeypatch, app):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.delenv("NEO4J_URI", raising=False)
    monkeypatch.setenv("MUTUALS_LOCAL_NEO4J_DIR", str(tmp_path / "n"))
    monkeypatch.setenv("MUTUALS_LOCAL_BOLT_PORT", "1")
    result = app.test_cli_runner().invoke(cli, ["neo4j", "start"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: java not found: install JDK 17 or 21 "
        "(e.g. apt-get install openjdk-17-jdk-headless) "
        "or set NEO4J_URI to an existing Neo4j"
    ]
