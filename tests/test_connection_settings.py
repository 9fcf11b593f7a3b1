"""Connection settings as in the rest of the Neo4j world: NEO4J_USERNAME (and NEO4J_USER),
a .env file read as Flask reads it, and authentication failures named as such: a 503 whose
detail says so in the API, one line and exit code 1 from every CLI command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click
import click.testing
import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError

from backend import create_app
from backend.cli import MutualsGroup, cli
from backend.config import PROJECT_ROOT, ConfigError, Settings
from backend.db import is_auth_failure
from harness.faults import DB_COMMANDS
from tests.support.auth import AuthActions
from tests.support.graph import create_person

MUTUALS = str(Path(sys.executable).parent / "mutuals")
# A user that does not exist: wrong passwords for `neo4j` would lock that account for a while.
WRONG = {"neo4j_user": "nobody", "neo4j_password": "wrong-password"}


def test_neo4j_username_is_read_and_neo4j_user_kept():
    assert Settings.from_env({"NEO4J_USERNAME": "ana"}).neo4j_user == "ana"
    assert Settings.from_env({"NEO4J_USER": "ben"}).neo4j_user == "ben"
    assert Settings.from_env({"NEO4J_USERNAME": "ana", "NEO4J_USER": "ana"}).neo4j_user == "ana"
    assert Settings.from_env({}).neo4j_user == "neo4j"
    with pytest.raises(ValueError, match="NEO4J_USERNAME .* and NEO4J_USER .* differ"):
        Settings.from_env({"NEO4J_USERNAME": "ana", "NEO4J_USER": "ben"})


def test_renamed_settings_still_read_their_former_names():
    """MUTUALS_MAX_INVITES_PER_WEEK and MUTUALS_REINVITE_WAIT_DAYS keep working (deprecated):
    read when the new name is unset, ignored when it is set, and named when malformed."""
    old = Settings.from_env(
        {"MUTUALS_MAX_INVITES_PER_WEEK": "7", "MUTUALS_REINVITE_WAIT_DAYS": "3"}
    )
    assert (old.max_requests_per_week, old.resend_wait_days) == (7, 3)
    both = Settings.from_env(
        {"MUTUALS_MAX_INVITES_PER_WEEK": "7", "MUTUALS_MAX_REQUESTS_PER_WEEK": "9"}
    )
    assert both.max_requests_per_week == 9
    assert Settings.from_env({}).max_requests_per_week == 100
    with pytest.raises(ConfigError, match="MUTUALS_REINVITE_WAIT_DAYS"):
        Settings.from_env({"MUTUALS_REINVITE_WAIT_DAYS": "soon"})


def test_a_setting_the_app_cannot_use_is_one_line_from_the_cli():
    env = dict(os.environ, NEO4J_USERNAME="ana", NEO4J_USER="ben")
    result = subprocess.run(
        [MUTUALS, "migrate"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "Error: NEO4J_USERNAME ('ana') and NEO4J_USER ('ben') differ: set one"
    ]


def test_neo4j_username_reaches_the_server(database, settings):
    """The name cypher-shell uses logs the app in (the local server's user is neo4j)."""
    env = {
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USERNAME": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password or "",
    }
    chosen = Settings.from_env(env)
    with GraphDatabase.driver(
        chosen.neo4j_uri, auth=(chosen.neo4j_user, chosen.neo4j_password)
    ) as driver:
        driver.verify_connectivity()


def _env_without_neo4j(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    env.pop("FLASK_SKIP_DOTENV", None)
    env.update(extra)
    return env


def test_a_dotenv_file_is_read_by_the_cli_and_by_the_wsgi_entry_point(tmp_path, settings, database):
    (tmp_path / ".env").write_text(
        f"NEO4J_URI={settings.neo4j_uri}\nNEO4J_USERNAME={settings.neo4j_user}\n"
        f"NEO4J_PASSWORD={settings.neo4j_password}\nMUTUALS_MAX_OPEN_INTROS=7\n"
    )
    # The CLI (a FlaskGroup) reads it from the working directory: migrate reaches the server
    # with the file's credentials, and fails with the file's user when that one is wrong.
    result = subprocess.run(
        [MUTUALS, "migrate"],
        cwd=tmp_path,
        env=_env_without_neo4j(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "database up to date" in result.stdout
    (tmp_path / "sub").mkdir()  # found from a folder below, too
    (tmp_path / ".env").write_text(
        f"NEO4J_URI={settings.neo4j_uri}\nNEO4J_USERNAME=dotenv-user\nNEO4J_PASSWORD=x\n"
    )
    result = subprocess.run(
        [MUTUALS, "migrate"],
        cwd=tmp_path / "sub",
        env=_env_without_neo4j(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 1 and "user 'dotenv-user'" in result.stderr, result.stderr
    (tmp_path / ".env").write_text(
        f"NEO4J_URI={settings.neo4j_uri}\nNEO4J_USERNAME={settings.neo4j_user}\n"
        f"NEO4J_PASSWORD={settings.neo4j_password}\nMUTUALS_MAX_OPEN_INTROS=7\n"
    )
    # gunicorn's app:app reads it too; variables already set win over the file, and
    # FLASK_SKIP_DOTENV=1 (the test suite sets it) leaves the file alone.
    probe = (
        "import app; s = app.app.extensions['mutuals'].settings; "
        "print(s.neo4j_uri, s.neo4j_user, s.max_open_intros)"
    )

    def settings_seen(**extra) -> list[str]:
        env = _env_without_neo4j(PYTHONPATH=str(PROJECT_ROOT), **extra)
        env.pop("MUTUALS_MAX_OPEN_INTROS", None)
        env.update(extra)
        result = subprocess.run(
            [sys.executable, "-c", probe],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.split()

    assert settings_seen() == [settings.neo4j_uri, settings.neo4j_user, "7"]
    assert settings_seen(MUTUALS_MAX_OPEN_INTROS="9")[2] == "9"
    assert settings_seen(FLASK_SKIP_DOTENV="1")[2] == "5"


def test_the_example_env_file_names_every_setting():
    example = (PROJECT_ROOT / ".env.example").read_text()
    for name in (
        "NEO4J_URI",
        "NEO4J_USERNAME",
        "NEO4J_PASSWORD",
        "NEO4J_DATABASE",
        "MUTUALS_HOST",
        "MUTUALS_PORT",
        "MUTUALS_ADMIN_TOKEN",
        "MUTUALS_LOCAL_NEO4J_DIR",
        "MUTUALS_LOCAL_BOLT_PORT",
        "MUTUALS_LOCAL_HTTP_PORT",
    ):
        assert f"{name}=" in example, name
    for line in example.splitlines():  # every setting is commented out: copying it changes nothing
        assert not line.strip() or line.lstrip().startswith("#"), line


# -- authentication failures -------------------------------------------------------------


def test_the_api_names_an_authentication_failure(database, cypher):
    token = create_person(cypher, "ana")
    app = create_app({"TESTING": True, "SETTINGS": WRONG})
    try:
        ana = AuthActions(app.test_client(), {"ana": token})
        for path in ("/readyz", "/v1/me"):
            response = ana.get("ana", path)
            body = response.get_json()
            assert response.status_code == 503, body
            assert response.mimetype == "application/problem+json"
            assert "authentication failed" in body["detail"], body
            assert "NEO4J_USERNAME" in body["detail"] and "NEO4J_PASSWORD" in body["detail"]
    finally:
        app.extensions["mutuals"].db.close()


def test_an_unreachable_server_is_still_called_unavailable():
    app = create_app({"TESTING": True, "SETTINGS": {"neo4j_uri": "bolt://127.0.0.1:1"}})
    response = app.test_client().get("/readyz")
    assert response.status_code == 503
    assert "authentication" not in response.get_json()["detail"]


@pytest.mark.parametrize("args", DB_COMMANDS, ids=" ".join)
def test_every_cli_command_names_an_authentication_failure_in_one_line(args, database, tmp_path):
    (tmp_path / "people.csv").write_text("id,name\np1,Ana\n")
    app = create_app({"SETTINGS": WRONG})
    try:
        result = app.test_cli_runner().invoke(cli, [a.format(tmp=tmp_path) for a in args])
    finally:
        app.extensions["mutuals"].db.close()
    assert result.exit_code == 1, (result.output, result.exception)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert "refused the credentials of user 'nobody' (authentication failed)" in lines[0]


def test_any_command_is_covered_by_the_group(database, settings):
    """The rule lives in the group, so a command added later is covered too."""
    group = MutualsGroup(create_app=lambda: create_app({"SETTINGS": WRONG}))

    @group.command()
    def later():
        with GraphDatabase.driver(settings.neo4j_uri, auth=("nobody", "x")) as driver:
            driver.verify_connectivity()

    result = click.testing.CliRunner().invoke(group, ["later"])
    assert result.exit_code == 1
    assert "authentication failed" in result.output and len(result.output.strip().splitlines()) == 1


def test_a_real_process_prints_one_line_and_no_traceback(settings, database):
    env = dict(
        os.environ,
        NEO4J_URI=settings.neo4j_uri,
        NEO4J_USERNAME="nobody",
        NEO4J_USER="",
        NEO4J_PASSWORD="wrong",
    )
    for args in (["migrate"], ["seed", "demo"]):
        result = subprocess.run(
            [MUTUALS, *args], env=env, capture_output=True, text=True, timeout=120
        )
        assert result.returncode == 1
        assert result.stdout == ""
        assert result.stderr.strip().splitlines() == [
            f"Error: Neo4j at {settings.neo4j_uri} refused the credentials of user 'nobody' "
            "(authentication failed): check NEO4J_USERNAME and NEO4J_PASSWORD"
        ]


def test_a_user_locked_after_refusals_is_still_an_authentication_failure(settings, database):
    """After a few refusals Neo4j locks the user for a while (AuthenticationRateLimit, not
    an AuthError): the API and the CLI still say "authentication failed"."""
    database.driver.execute_query(
        "CREATE USER locked_out IF NOT EXISTS SET PASSWORD 'the-right-one' CHANGE NOT REQUIRED",
        database_="system",
    )
    seen = []
    for _ in range(6):
        with GraphDatabase.driver(settings.neo4j_uri, auth=("locked_out", "wrong")) as driver:
            try:
                driver.verify_connectivity()
            except Exception as error:  # noqa: BLE001 - the test looks at each one
                seen.append(error)
    assert len(seen) == 6 and all(is_auth_failure(error) for error in seen)
    assert any(not isinstance(error, AuthError) for error in seen)  # the lock showed up
