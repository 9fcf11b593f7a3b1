"""``mutuals seed demo|generate|import|export`` (see docs/seed.md)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import click
from flask.cli import with_appcontext
from neo4j.exceptions import DriverError, Neo4jError
from tqdm import tqdm

from backend import errors, migrations
from backend.app_services import app_services
from backend.db import Database
from backend.imports import group as linkedin_group
from backend.local_neo4j import LocalNeo4jError
from backend.network.precompute import DEFAULT_PARTS, Bounds, heaviest, refresh_people
from backend.seed import bulk, importers
from backend.seed import demo as demo_network
from backend.seed.dataset import InvalidInput
from backend.seed.export import export as export_graph
from backend.seed.export import write_dataset
from backend.seed.generate import Network, read_professions
from backend.seed.loader import DEFAULT_BATCH_SIZE, Loader


def _ready_database() -> Database:
    """The database, refusing to load into one whose schema (constraints, indexes, reference
    data) is not up to date: without the Person.id constraint a load would crawl and could
    duplicate people."""
    db = app_services().db
    try:
        with db.session() as session:
            todo = migrations.pending(session)
    except migrations.MigrationError as error:
        raise click.ClickException(str(error)) from error
    except (DriverError, errors.Problem) as error:
        raise click.ClickException(
            f"Neo4j is unreachable at {db.settings.neo4j_uri}: {error}"
        ) from error
    if todo:
        raise click.ClickException(f"{len(todo)} migration(s) pending: run `mutuals migrate` first")
    return db


def _bulk_database() -> Database:
    """The local database, started, migrated and empty, for a bulk load (else one line)."""
    db = app_services().db
    try:
        bulk.prepare_empty(db, bulk.local_server(db.settings), echo=click.echo)
    except (bulk.BulkError, LocalNeo4jError, migrations.MigrationError) as error:
        raise click.ClickException(str(error)) from error
    return db


def _bulk_load(db: Database, dataset, progress: bool | None, what: str, **seconds) -> None:
    try:
        summary = bulk.load(
            db, bulk.local_server(db.settings), dataset, progress, seconds, echo=click.echo
        )
    except (bulk.BulkError, LocalNeo4jError) as error:
        raise click.ClickException(f"{what} --bulk: {error}") from error
    click.echo(f"{what} --bulk: {summary.line()}")


bulk_option = click.option(
    "--bulk",
    is_flag=True,
    help="Load an empty local database with Neo4j's offline importer, at disk speed "
    "(stops and restarts the local Neo4j; docs/seed.md).",
)


precompute_option = click.option(
    "--precompute-views/--no-precompute-views",
    default=True,
    show_default=True,
    help="After the load, compute the views of the best-connected people, as `mutuals views "
    "refresh --all-heavy` does with its default bounds (docs/views.md).",
)


def _precompute_views(progress: bool | None) -> None:
    """The heaviest people's views, so that their first reads do not wait for a live 2-hop
    answer. After the load has committed: a failure here loses nothing loaded."""
    if not app_services().settings.view_max_age_s:
        click.echo("views: off (MUTUALS_VIEW_MAX_AGE=0), none computed")
        return
    bounds = Bounds()
    try:
        people = heaviest(bounds.top, click.echo)
        summary = refresh_people(people, DEFAULT_PARTS, bounds, progress)
    except (Neo4jError, DriverError, errors.Problem) as error:
        raise click.ClickException(
            f"the load is complete, but computing views stopped: {error}. Run `mutuals views "
            "refresh --all-heavy` to compute them (or leave them to the first reads)."
        ) from error
    click.echo(f"views: {summary.line()}")


def load_options(command):
    """Options every loading command shares."""
    command = click.option(
        "--batch-size",
        default=DEFAULT_BATCH_SIZE,
        show_default=True,
        type=click.IntRange(1),
        help="Rows per write transaction (online load).",
    )(command)
    command = click.option(
        "--workers",
        default=1,
        show_default=True,
        type=click.IntRange(1, 8),
        help="Write transactions in flight at once (online load).",
    )(command)
    command = click.option(
        "--progress/--no-progress",
        default=None,
        help="Progress bars (default: when stderr is a terminal).",
    )(command)
    return command


def _load(
    db: Database, dataset, batch_size: int, workers: int, progress: bool | None, what: str
) -> None:
    loader = Loader(db, batch_size=batch_size, progress=progress, workers=workers)
    try:
        summary = loader.load(dataset)
    except (Neo4jError, DriverError, errors.Problem) as error:
        raise click.ClickException(
            f"{what} stopped: {error}. Nothing is lost: run the same "
            "command again to finish (loads are idempotent)."
        ) from error
    click.echo(f"{what}: {summary.line()}")


@click.group()
def seed():
    """Load seed data: the demo network, a generated one, files; or export the graph."""


@seed.command()
@load_options
@with_appcontext
def demo(batch_size: int, workers: int, progress: bool | None):
    """The deterministic demo network (2,000 people, a coach with 1,750 connections). Idempotent."""
    db = _ready_database()
    loader = Loader(db, batch_size=batch_size, progress=progress, workers=workers)
    demo_network.run(db, loader, echo=click.echo)


@seed.command()
@click.option("--people", "people", required=True, type=click.IntRange(2), help="How many people.")
@click.option(
    "--avg-degree",
    required=True,
    type=click.FloatRange(0, min_open=True),
    help="Average connections per person (connections = people * avg-degree / 2).",
)
@click.option(
    "--seed", "seed_", default=1, show_default=True, type=int, help="Same seed, same network."
)
@click.option("--id-prefix", default="g", show_default=True, help="Ids are <prefix><n>.")
@click.option(
    "--organizations",
    type=click.IntRange(1),
    help="How many companies (default: one per 20 people; schools: one per 500).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Write our own files to this folder instead of loading them.",
)
@click.option(
    "--format",
    "kind",
    type=click.Choice(["csv", "jsonl"]),
    default="csv",
    show_default=True,
    help="File format with --out.",
)
@bulk_option
@precompute_option
@load_options
@with_appcontext
def generate(
    people,
    avg_degree,
    seed_,
    id_prefix,
    organizations,
    out,
    kind,
    bulk,
    precompute_views,
    batch_size,
    workers,
    progress,
):
    """A reproducible power-law network with hubs, clustering and careers."""
    if bulk and out:
        raise click.BadParameter("--bulk loads the graph, --out writes files: pick one")
    db = _bulk_database() if bulk else _ready_database()
    began = time.perf_counter()
    try:
        network = Network(
            people,
            avg_degree,
            seed_,
            read_professions(db),
            id_prefix=id_prefix,
            companies=organizations,
        )
    except ValueError as error:
        raise click.BadParameter(str(error)) from error
    generating = time.perf_counter() - began
    degrees = network.degrees()
    click.echo(
        f"generated {people:,} people, {len(network.keys):,} connections "
        f"(max degree {degrees.max():,}, {int((degrees >= 1700).sum()):,} people with 1,700+), "
        f"{len(network.requests):,} pending requests, {len(network.careers.companies):,} "
        f"companies, {len(network.careers.schools):,} schools, "
        f"{len(network.careers.position_person):,} positions, "
        f"{len(network.careers.education_person):,} education entries"
    )
    if out:
        click.echo(write_dataset(network.dataset(), out, kind).line())
        return
    if bulk:
        _bulk_load(db, network.dataset(), progress, "generate", generate=generating)
    else:
        _load(db, network.dataset(), batch_size, workers, progress, "generate")
    if precompute_views:
        _precompute_views(progress)


@seed.command("import")
@click.argument("path", type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice([*importers.FORMATS, "linkedin"]),
    default="auto",
    show_default=True,
    help="csv/jsonl: our own folder; snap: an edge-list file; ldbc: a CsvBasic folder; "
    "linkedin: a folder of LinkedIn exports, one per member (never auto-detected).",
)
@click.option("--id-prefix", default="", help="Prefix SNAP/LDBC ids (to keep datasets apart).")
@click.option("--dry-run", is_flag=True, help="Only validate; write nothing.")
@bulk_option
@precompute_option
@load_options
@with_appcontext
def import_(path, fmt, id_prefix, dry_run, bulk, precompute_views, batch_size, workers, progress):
    """Import files; every file is checked before anything is written."""
    if fmt == "linkedin":
        if bulk or id_prefix:
            raise click.BadParameter("--bulk and --id-prefix are not for --format linkedin")
        _ready_database()
        _import_linkedin(path, dry_run, progress)
        return
    db = _bulk_database() if bulk else _ready_database()
    began = time.perf_counter()
    try:
        dataset = importers.prepare(db, path, fmt, id_prefix)
    except importers.UnknownFormat as error:
        raise click.ClickException(str(error)) from error
    except InvalidInput as error:
        for bad in error.bad_rows:
            click.echo(str(bad), err=True)
        click.echo(
            f"import refused: {len(error.bad_rows):,} bad row(s); nothing was written", err=True
        )
        sys.exit(1)
    totals = ", ".join(f"{k} {v:,}" for k, v in dataset.totals.items())
    if dry_run:
        click.echo(f"import check passed ({totals}); nothing written (--dry-run)")
        return
    if bulk:
        _bulk_load(db, dataset, progress, "import", check=time.perf_counter() - began)
    else:
        _load(db, dataset, batch_size, workers, progress, "import")
    if precompute_views:
        _precompute_views(progress)


def _import_linkedin(path: Path, dry_run: bool, progress: bool | None) -> None:
    """A group's LinkedIn exports (backend/imports/group.py): checked, then imported member
    by member with the API's rules; bad files exit 1 naming file:line, nothing written."""
    began = time.perf_counter()
    if not path.is_dir():
        raise click.ClickException(f"{path}: --format linkedin reads a folder of exports")
    try:
        members = linkedin_group.read_group(path)
    except linkedin_group.GroupRefused as refused:
        for problem in refused.problems:
            click.echo(problem, err=True)
        click.echo(
            f"import refused: {len(refused.problems):,} problem(s); nothing was written", err=True
        )
        sys.exit(1)
    if dry_run:
        report = linkedin_group.check(members)
    else:
        show = sys.stderr.isatty() if progress is None else progress
        with tqdm(total=len(members), unit="member", disable=not show) as bar:
            report = linkedin_group.load(members, progress=lambda _: bar.update(1))
    for line in report["skipped"]:
        click.echo(f"skipped {line}", err=True)
    counts = ", ".join(
        f"{key.replace('_', ' ')} {value:,}" for key, value in report.items() if key != "skipped"
    )
    done = "nothing written (--dry-run)" if dry_run else f"{time.perf_counter() - began:.1f} s"
    click.echo(f"import linkedin: {counts}, skipped {len(report['skipped']):,}; {done}")


@seed.command("export")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option(
    "--format", "kind", type=click.Choice(["csv", "jsonl"]), default="csv", show_default=True
)
@click.option("--progress/--no-progress", default=None)
@with_appcontext
def export_(folder, kind, progress):
    """Write people, connections and requests as our own files (import reads them back)."""
    db = _ready_database()
    try:
        click.echo(export_graph(db, folder, kind, progress).line())
    except ValueError as error:
        raise click.ClickException(str(error)) from error
