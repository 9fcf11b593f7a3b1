"""A newcomer's first five minutes, literally: `make run`, then the README's first block of
shell commands, pasted as written, against what it serves. And the development admin token
behind it: generated once in the local folder, used only for the local default and only when
MUTUALS_ADMIN_TOKEN is unset."""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import time

import requests

from backend.config import PROJECT_ROOT, Settings
from backend.local_neo4j import LocalNeo4j
from harness.gunicorn import free_port

README = (PROJECT_ROOT / "README.md").read_text()


def first_five_minutes_block() -> str:
    section = README.split("## First five minutes", 1)[1]
    return re.search(r"```sh\n(.*?)```", section, re.S)[1]


def test_the_readme_top_names_the_two_commands_and_the_block():
    top = README.split("## First five minutes", 1)[0]
    assert "make run" in top and "make test" in top
    block = first_five_minutes_block()
    assert "mutuals admin-token" in block and "curl" in block


def test_make_run_then_the_readme_block_as_pasted(database, settings, tmp_path):
    port = free_port()
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MUTUALS_ADMIN_TOKEN")
    }
    env.update(
        MUTUALS_PORT=str(port),
        MUTUALS_WORKERS="2",
        MUTUALS_THREADS="4",
    )
    if not settings.uses_local_neo4j:  # an external Neo4j has no development token
        env["MUTUALS_ADMIN_TOKEN"] = "five-minutes-admin"
    log_path = tmp_path / "make-run.log"
    with open(log_path, "wb") as log:
        make = subprocess.Popen(
            ["make", "run"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 600
        while True:
            try:
                if requests.get(f"http://127.0.0.1:{port}/readyz", timeout=5).ok:
                    break
            except requests.RequestException:
                pass
            assert make.poll() is None, "make run stopped:\n" + log_path.read_text()[-4000:]
            assert time.monotonic() < deadline, (
                "make run did not serve:\n" + log_path.read_text()[-4000:]
            )
            time.sleep(0.5)
        printed = log_path.read_text()
        admin = subprocess.run(
            [str(PROJECT_ROOT / ".venv" / "bin" / "mutuals"), "admin-token"],
            env=env,
            capture_output=True,
            text=True,
            cwd=PROJECT_ROOT,
        ).stdout.strip()
        assert admin and "Admin    token for /v1/admin/..." in printed and admin in printed
        assert "demo people to try" in printed

        block = first_five_minutes_block()
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", block],
            cwd=PROJECT_ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, (result.stdout[-3000:], result.stderr[-3000:])
        out = result.stdout
        assert '"status":"ready"' in out.replace(" ", "")
        assert '"id":"demo-ana"' in out.replace(" ", "")
        assert '"mutual_count"' in out and '"paths"' in out
    finally:  # make and the gunicorn it exec'd: their own process group, never left behind
        try:
            os.killpg(make.pid, signal.SIGTERM)
            make.wait(timeout=60)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.killpg(make.pid, signal.SIGKILL)
            make.wait()


def test_the_development_admin_token_is_made_once_and_kept_private(tmp_path):
    settings = Settings.from_env({"MUTUALS_LOCAL_NEO4J_DIR": str(tmp_path / "n")})
    assert settings.admin_token is None
    server = LocalNeo4j(settings.local)
    token = server.ensure_admin_token()
    assert server.ensure_admin_token() == token  # generated once
    path = settings.local.admin_token_file
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert Settings.from_env({"MUTUALS_LOCAL_NEO4J_DIR": str(tmp_path / "n")}).admin_token == token
    # MUTUALS_ADMIN_TOKEN wins; an external Neo4j never uses the local token.
    assert (
        Settings.from_env(
            {"MUTUALS_LOCAL_NEO4J_DIR": str(tmp_path / "n"), "MUTUALS_ADMIN_TOKEN": "mine"}
        ).admin_token
        == "mine"
    )
    assert (
        Settings.from_env(
            {"MUTUALS_LOCAL_NEO4J_DIR": str(tmp_path / "n"), "NEO4J_URI": "bolt://db.example:7687"}
        ).admin_token
        is None
    )


def test_the_local_folder_is_git_ignored():
    ignored = (PROJECT_ROOT / ".gitignore").read_text().split()
    assert "/.neo4j/" in ignored and "/.env" in ignored
