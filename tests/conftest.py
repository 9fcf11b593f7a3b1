"""Fixtures: a real Neo4j (from ``make test`` or NEO4J_URI), an empty graph per test, the app,
a test client, a controllable clock and a live gunicorn server for races."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests

from backend import create_app, migrations
from backend.config import PROJECT_ROOT, Settings
from backend.db import Database
from backend.outage import Outage
from harness.gunicorn import free_port
from harness.tcp_proxy import CuttableProxy
from tests.support.clock import FakeClock
from tests.support.discovery import complements_of
from tests.support.graph import wipe
from tests.support.snap import load_facebook

# A developer's .env (read by `mutuals`, `flask` and app.py) must not point tests elsewhere.
os.environ.setdefault("FLASK_SKIP_DOTENV", "1")
# The suite signs up and fails to authenticate far more often, from one address, than a
# person would: tests of the per-address limits set their own (tests/test_tokens.py).
os.environ.setdefault("MUTUALS_SIGNUP_LIMIT", "1000000/hour")
os.environ.setdefault("MUTUALS_AUTH_FAILURE_LIMIT", "1000000/minute")


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.from_env()


@pytest.fixture(scope="session")
def database(settings):
    db = Database(settings)
    try:
        db.driver.verify_connectivity()
    except Exception as error:  # noqa: BLE001 - say what to do, whatever the driver raised
        pytest.exit(
            f"No Neo4j at {settings.neo4j_uri} ({error}). Run `make test`, "
            "or set NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD to a running Neo4j.",
            returncode=2,
        )
    with db.session() as session:
        migrations.migrate(session)
    plan_request_statements(db)
    yield db
    db.close()


# The request path's one-statement reads: on a loaded machine Neo4j takes seconds to plan
# them, past the 5 s a request may spend on the graph. Planned once here (a token that
# matches nothing, each parameter type the app sends), so that no test depends on how fast
# the machine plans.
REQUEST_STATEMENTS = (
    ("people.profile_by_token", 1, {"person_id": None, "sample_size": 3}),
    ("people.profile_by_token", 1, {"person_id": "", "sample_size": 3}),
    ("network.mutual", 2, {"other_id": "", "after_name": "", "after_id": "", "limit": 1}),
    ("network.path", 3, {"target_id": "", "max_paths": 1}),
    (
        "organizations.search",
        3,
        {"words": "a*", "prefix": "a", "kind": None, "candidates": 1, "limit": 1},
    ),
)


def plan_request_statements(db: Database) -> None:
    token = {"token_hash": "", "now": datetime.now(UTC), "ttl_days": 1}
    for name, version, params in REQUEST_STATEMENTS:
        assert db.read(name, version, **token, **params) == []


@pytest.fixture(autouse=True)
def empty_graph(request):
    """Each test starts from an empty graph (tests that never touch Neo4j skip the wipe)."""
    if (
        "database" in request.fixturenames
        or "app" in request.fixturenames
        or "live_server" in request.fixturenames
    ):
        wipe(request.getfixturevalue("database"))
    yield


@pytest.fixture
def cypher(database):
    """Run Cypher directly, for arranging graphs and asserting on them: rows as dicts."""

    def run(query: str, **params) -> list[dict]:
        records, _, _ = database.driver.execute_query(
            query, params, database_=database.settings.neo4j_database
        )
        return [r.data() for r in records]

    return run


START = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def session_clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def clock(session_clock) -> FakeClock:
    """The clock of the suite's app (and of any app a test makes with it), at START again."""
    session_clock.now = START
    return session_clock


@pytest.fixture(scope="session")
def session_app(database, session_clock):
    """One app for the whole suite: building one takes longer than most tests run."""
    app = create_app(
        {"TESTING": True, "CLOCK": session_clock, "SETTINGS": {"admin_token": "test-admin-token"}}
    )
    yield app
    app.extensions["mutuals"].close()


@pytest.fixture
def app(session_app, clock):
    """The suite's app, as new for each test: its clock at START, no sign-ups or failed
    authentications counted, no outage known, and whatever a test reassigned on its services
    (settings, queries) put back afterwards."""
    services = session_app.extensions["mutuals"]
    db = services.db
    kept = dict(vars(services)), {k: v for k, v in vars(db).items() if k not in DRIVER_STATE}
    services.address_limits = None
    services.__post_init__()  # new per-address limits, made as the app made its own
    db.outage = Outage(db.settings.db_timeout_s, probe=db.ping)
    yield session_app
    db.outage.stop()  # its probe, if an outage started one, is this test's
    # A refresh still running would write into the next test's graph.
    services.refresher.wait_idle()
    vars(services).update(kept[0])
    vars(db).update(kept[1])


# The driver a Database made (and for which process): never put back, a test may close it.
DRIVER_STATE = ("_driver", "_pid", "_lock")


@pytest.fixture
def make_app(database, clock):
    """Apps with their own settings (views forced on for everyone, or off), each with its own
    driver and refresher, closed after the test."""
    made = []

    def make(**overrides):
        app = create_app(
            {
                "TESTING": True,
                "CLOCK": clock,
                "SETTINGS": {"admin_token": "test-admin-token", **overrides},
            }
        )
        made.append(app)
        return app

    yield make
    for app in made:
        app.extensions["mutuals"].close()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def live_server(database, tmp_path_factory):
    """The real thing: gunicorn with several workers and threads, for racing requests (its
    metrics folder is gunicorn.conf.py's, as in production)."""
    port = free_port()
    env = dict(
        os.environ,
        MUTUALS_PORT=str(port),
        MUTUALS_HOST="127.0.0.1",
        MUTUALS_WORKERS="3",
        MUTUALS_THREADS="8",
        MUTUALS_ADMIN_TOKEN="test-admin-token",
        NEO4J_URI=database.settings.neo4j_uri,
        NEO4J_USER=database.settings.neo4j_user,
        NEO4J_USERNAME=database.settings.neo4j_user,
        NEO4J_PASSWORD=database.settings.neo4j_password or "",
    )
    log = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "--access-logfile",
                "/dev/null",
                "app:app",
            ],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    try:
        while True:
            try:
                if requests.get(base + "/healthz", timeout=5).ok:
                    break
            except requests.RequestException:  # not listening yet, or workers still booting
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail("gunicorn did not start:\n" + Path(log).read_text()[-3000:])
            time.sleep(0.2)
        yield base
    finally:  # never leave a server behind, whatever happened
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture
def complements(cypher) -> set[frozenset]:
    """The professions' complement pairs of the reference data (tests/support/discovery.py)."""
    return complements_of(cypher)


@pytest.fixture
def facebook(cypher):
    """The SNAP ego-Facebook graph loaded, as a plain-Python network (tests/support/snap.py)."""
    return load_facebook(cypher)


@pytest.fixture
def proxy(database):
    """A TCP proxy in front of the test Neo4j that a test cuts and restores (an outage, a
    blip) without stopping the server the rest of the suite uses."""
    host, port = database.settings.neo4j_uri.rpartition("//")[2].rsplit(":", 1)
    proxy = CuttableProxy((host, int(port)))
    yield proxy
    proxy.close()
