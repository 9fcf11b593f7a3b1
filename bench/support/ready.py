"""Every benchmark's first step, so a new user can run ``python -m bench NAME`` on a fresh
clone: the Neo4j it measures running and migrated, and the environment of the API servers it
starts (the load a benchmark sends is not a person's)."""

from __future__ import annotations

import click
from neo4j.exceptions import Neo4jError, ServiceUnavailable

from backend import migrations
from backend.config import Settings
from backend.db import Database
from backend.local_neo4j import LocalNeo4j, LocalNeo4jError

# A benchmark signs up people and authenticates from one address far more often than a
# person would: its servers lift the per-address limits (docs/configuration.md).
SERVER_ENV = {
    "MUTUALS_SIGNUP_LIMIT": "1000000/hour",
    "MUTUALS_AUTH_FAILURE_LIMIT": "1000000/minute",
}


def ready_neo4j() -> Settings:
    """Start the local Neo4j (unless NEO4J_URI names another) and apply pending migrations,
    a line each when something was done; the settings to reach it. What cannot be done ends
    the run with one line saying what to run, never a traceback."""
    settings = Settings.from_env()
    if settings.uses_local_neo4j:
        try:
            outcome = LocalNeo4j(settings.local).start(echo=click.echo)
        except LocalNeo4jError as error:
            raise click.ClickException(
                f"{error} (or set NEO4J_URI to a Neo4j 5 of your own)"
            ) from error
        if outcome != "already running":
            click.echo(f"Neo4j {outcome} at {settings.local.uri} (`mutuals neo4j stop` stops it)")
        settings = Settings.from_env()  # its generated password exists now
    db = Database(settings)
    try:
        with db.session() as session:
            applied = migrations.migrate(session)
    except (ServiceUnavailable, Neo4jError, migrations.MigrationError) as error:
        first_line = (str(error).splitlines() or [type(error).__name__])[0]
        raise click.ClickException(
            f"Neo4j at {settings.neo4j_uri}: {first_line} (check NEO4J_URI, NEO4J_USERNAME "
            "and NEO4J_PASSWORD, or unset NEO4J_URI to use `mutuals neo4j start`'s)"
        ) from error
    finally:
        db.close()
    if applied:
        click.echo(f"applied {len(applied)} migration(s) to {settings.neo4j_uri}")
    return settings
