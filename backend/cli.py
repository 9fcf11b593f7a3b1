"""The ``mutuals`` command: Flask's CLI plus the project's own commands.

``mutuals neo4j start|stop|status|logs|env`` runs the local server; ``mutuals migrate``
applies cypher/migrations; the seed and query commands load and read data.
"""

from __future__ import annotations

import time

import click
from flask.cli import FlaskGroup, with_appcontext

from backend import create_app, migrations
from backend.config import Settings
from backend.db import map_driver_errors
from backend.errors import Problem
from backend.extension import mutuals
from backend.local_neo4j import LocalNeo4j, LocalNeo4jError
from backend.network.views_cli import views
from backend.query_cli import query
from backend.seed.cli import seed


@click.group(cls=FlaskGroup, create_app=create_app, add_default_commands=True)
def cli():
    """mutuals: a professional-network graph backend on Neo4j."""


def _local() -> LocalNeo4j:
    return LocalNeo4j(Settings.from_env().local)


@cli.group()
def neo4j():
    """Run the local Neo4j server (ignored when NEO4J_URI is set)."""


@neo4j.command()
@click.option("--fresh", is_flag=True, help="Wipe the data (and password) first.")
@click.option("--timeout", default=180, show_default=True, help="Seconds to wait for Bolt.")
def start(fresh: bool, timeout: int):
    """Start the local Neo4j and wait until Bolt answers (idempotent)."""
    settings = Settings.from_env()
    if not settings.uses_local_neo4j:
        click.echo(f"NEO4J_URI is set ({settings.neo4j_uri}): not starting a local Neo4j")
        return
    began = time.monotonic()
    try:
        outcome = _local().start(fresh=fresh, timeout=timeout, echo=click.echo)
    except LocalNeo4jError as error:
        raise click.ClickException(str(error)) from error
    local = settings.local
    click.echo(f"Neo4j {outcome} in {time.monotonic() - began:.1f}s: bolt {local.uri}, "
               f"http://127.0.0.1:{local.http_port} (home {local.home})")


@neo4j.command()
def stop():
    """Stop the local Neo4j; the data stays."""
    click.echo(f"Neo4j {_local().stop(echo=click.echo)}")


@neo4j.command()
def status():
    """Say whether the local Neo4j runs, and where."""
    click.echo(_local().status())


@neo4j.command()
@click.option("-n", "--lines", default=50, show_default=True)
def logs(lines: int):
    """Print the end of the local Neo4j's log."""
    click.echo(_local().tail(lines))


@neo4j.command()
def env():
    """Print export lines for the local Neo4j: eval "$(mutuals neo4j env)"."""
    try:
        click.echo(_local().env_lines())
    except LocalNeo4jError as error:
        raise click.ClickException(str(error)) from error


@cli.command()
@with_appcontext
def migrate():
    """Apply pending cypher/migrations in order (a no-op when up to date)."""
    db = mutuals().db
    try:
        with map_driver_errors(), db.session() as session:
            applied = migrations.migrate(
                session, on_apply=lambda m: click.echo(f"applied {m.path.name}"))
    except (migrations.MigrationError, Problem) as error:
        raise click.ClickException(f"{error} ({db.settings.neo4j_uri})") from error
    total = len(migrations.discover())
    click.echo(f"migrations: {len(applied)} applied, {total} in total, database up to date")


cli.add_command(seed)
cli.add_command(query)
cli.add_command(views)
