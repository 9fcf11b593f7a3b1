"""The ``mutuals`` command: Flask's CLI plus the project's own commands.

``mutuals neo4j start|stop|status|logs|env|shell`` runs the local server and cypher-shell;
``mutuals migrate`` applies cypher/migrations; the seed and query commands load and read
data; ``mutuals admin-token`` prints the token the admin endpoints accept. Like ``flask``,
it reads a ``.env`` file (python-dotenv) before anything else.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

import click
from flask.cli import FlaskGroup, with_appcontext
from neo4j.exceptions import ServiceUnavailable as DriverUnavailable

from backend import create_app, migrations
from backend.app_services import app_services
from backend.config import ConfigError, Settings
from backend.cypher_shell import CypherShell
from backend.db import is_auth_failure, map_driver_errors
from backend.errors import AuthenticationFailed, Problem, ServiceUnavailable
from backend.local_neo4j import LocalNeo4j, LocalNeo4jError
from backend.network.views_cli import views
from backend.query_cli import query
from backend.seed.cli import seed
from backend.webhooks.cli import webhooks


def _causes(error: BaseException):
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        yield error
        error = error.__cause__ or error.__context__


class MutualsGroup(FlaskGroup):
    """Flask's group, with one rule for every command: a Neo4j that refuses the credentials
    or cannot be reached is one line on stderr and exit code 1, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.Abort):
            raise
        except ConfigError as error:
            raise click.ClickException(str(error)) from error
        except Exception as error:  # noqa: BLE001 - re-raised unless it is about Neo4j
            causes = list(_causes(error))
            if any(isinstance(c, AuthenticationFailed) or is_auth_failure(c) for c in causes):
                settings = _settings(ctx)
                raise click.ClickException(
                    f"Neo4j at {settings.neo4j_uri} refused the credentials of user "
                    f"{settings.neo4j_user!r} (authentication failed): check NEO4J_USERNAME "
                    "and NEO4J_PASSWORD"
                ) from error
            # The driver's own error, or the database's 503 for any way of not getting through
            # within the bound (an acquisition timeout, a transient failure, an outage begun).
            if not isinstance(error, click.ClickException) and any(
                isinstance(c, (DriverUnavailable, ServiceUnavailable)) for c in causes
            ):
                raise click.ClickException(
                    f"Neo4j at {_settings(ctx).neo4j_uri} did not serve the command: "
                    + (str(error).splitlines() or [""])[0]
                ) from error
            raise


def _settings(ctx) -> Settings:
    """The settings the failed command used: its app's (tests pass their own), else the
    environment's."""
    from flask.cli import ScriptInfo

    info = ctx.find_object(ScriptInfo)
    try:
        return info.load_app().extensions["mutuals"].settings
    except Exception:  # noqa: BLE001 - no app could be made: the environment says it all
        try:
            return Settings.from_env()
        except ConfigError:
            return Settings.from_env({k: v for k, v in os.environ.items() if k != "NEO4J_USER"})


@click.group(cls=MutualsGroup, create_app=create_app, add_default_commands=True)
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
    click.echo(
        f"Neo4j {outcome} in {time.monotonic() - began:.1f}s: bolt {local.uri}, "
        f"http://127.0.0.1:{local.http_port} (home {local.home})"
    )


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


@neo4j.command(
    context_settings={
        "ignore_unknown_options": True,
        "allow_extra_args": True,
        "help_option_names": [],
    }
)
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def shell(args: tuple[str, ...]):
    """cypher-shell 5.26 on the configured database (fetched from Maven Central on first use).

    Every argument goes to cypher-shell, e.g. `mutuals neo4j shell -f query.cypher` or
    `mutuals neo4j shell --help`."""
    try:
        settings = Settings.from_env()
        shell = CypherShell(settings)
        if shell.ensure_jars():
            click.echo(f"fetched cypher-shell into {shell.lib}", err=True)
        command = shell.command(args)
    except (LocalNeo4jError, ValueError) as error:
        raise click.ClickException(str(error)) from error
    sys.stdout.flush()
    code = subprocess.call(command, env=shell.env())
    sys.exit(code)


@cli.command("admin-token")
@click.option("--explain", is_flag=True, help="Say where the token comes from (for `make run`).")
def admin_token(explain: bool):
    """Print the token /v1/admin/... accepts: MUTUALS_ADMIN_TOKEN, or the development token of
    the local Neo4j (generated once by `mutuals neo4j start`, kept in its folder)."""
    settings = Settings.from_env()
    if os.environ.get("MUTUALS_ADMIN_TOKEN"):
        source = "MUTUALS_ADMIN_TOKEN"
    elif settings.uses_local_neo4j:
        source = f"development token, {settings.local.admin_token_file}"
    else:
        source = None
    if not settings.admin_token and explain:
        click.echo("Admin    no admin token: set MUTUALS_ADMIN_TOKEN to enable /v1/admin/...")
        return
    if not settings.admin_token:
        raise click.ClickException(
            "no admin token: set MUTUALS_ADMIN_TOKEN"
            if source is None
            else "no development admin token yet: run `mutuals neo4j start` (or set MUTUALS_ADMIN_TOKEN)"
        )
    if explain:
        click.echo(
            f"Admin    token for /v1/admin/... ({source}): {settings.admin_token}\n"
            f"         `.venv/bin/mutuals admin-token` prints it again"
        )
    else:
        click.echo(settings.admin_token)


@cli.command()
@with_appcontext
def migrate():
    """Apply pending cypher/migrations in order (a no-op when up to date)."""
    db = app_services().db
    try:
        with map_driver_errors(), db.session() as session:
            applied = migrations.migrate(
                session, on_apply=lambda m: click.echo(f"applied {m.path.name}")
            )
    except (migrations.MigrationError, Problem) as error:
        raise click.ClickException(f"{error} ({app_services().settings.neo4j_uri})") from error
    total = len(migrations.discover())
    click.echo(f"migrations: {len(applied)} applied, {total} in total, database up to date")


cli.add_command(seed)
cli.add_command(query)
cli.add_command(views)
cli.add_command(webhooks)
