"""``mutuals views status|refresh``: the operators' handle on network views."""

from __future__ import annotations

import time
from collections import Counter

import click
from flask.cli import with_appcontext
from neo4j.exceptions import DriverError
from tqdm import tqdm

from backend.errors import Problem
from backend.extension import mutuals
from backend.network.views import due_before


def _fail_unreachable(error: Exception):
    raise click.ClickException(f"Neo4j is unreachable at {mutuals().settings.neo4j_uri}: "
                               f"{error}") from error


@click.group()
def views():
    """Precomputed network views of people with large networks (see docs/views.md)."""


@views.command()
@with_appcontext
def status():
    """How many views, their sizes and ages, and how many are due or outdated."""
    state = mutuals()
    settings, at = state.settings, state.clock()
    try:
        row = state.db.read("views.status", 1, now=at,
                            due_before=due_before(at, settings.view_max_age_s))[0]
    except (DriverError, Problem) as error:
        _fail_unreachable(error)
    click.echo(f"views: {row['views']:,} (threshold: 2-hop work >= {settings.view_threshold:,}; "
               f"{settings.view_size:,} entries kept; max age {settings.view_max_age_s} s"
               f"{', views off' if not settings.view_max_age_s else ''})")
    if not row["views"]:
        return
    click.echo(f"bytes: {row['bytes']:,} in all, {row['bytes'] // row['views']:,} per view on "
               f"average, {row['max_bytes']:,} the largest (payload; the store adds its own)")
    click.echo(f"age: median {row['median_age_s']:,} s; oldest computed {row['oldest']}, "
               f"newest {row['newest']}; slowest compute {row['max_compute_ms']:,} ms")
    click.echo(f"due for a refresh: {row['due']:,}; outdated by their person's own changes: "
               f"{row['outdated']:,}; refreshing now: {row['refreshing']:,}; "
               f"orphaned (person deleted): {row['orphans']:,}")


@views.command()
@click.option("--person", "person_ids", multiple=True, help="A person's id (repeatable).")
@click.option("--all-heavy", is_flag=True,
              help="Every person whose 2-hop work reaches MUTUALS_VIEW_THRESHOLD.")
@click.option("--progress/--no-progress", default=None,
              help="Progress bar (default: when stderr is a terminal).")
@with_appcontext
def refresh(person_ids: tuple[str, ...], all_heavy: bool, progress: bool | None):
    """Compute views now, due or not (a view being computed elsewhere is left to it)."""
    state = mutuals()
    if not person_ids and not all_heavy:
        raise click.UsageError("name --person ID or --all-heavy")
    began = time.monotonic()
    try:
        ids = list(person_ids)
        if all_heavy:
            ids += [row["id"] for row in state.db.read(
                "views.heavy_people", 1, threshold=state.settings.view_threshold)]
        outcomes = Counter()
        bar = tqdm(ids, desc="refreshing views", unit="view",
                   disable=None if progress is None else not progress)
        for person_id in bar:
            outcomes[state.refresher.refresh(person_id, force=True)] += 1
    except (DriverError, Problem) as error:
        _fail_unreachable(error)
    seconds = time.monotonic() - began
    summary = ", ".join(f"{count:,} {outcome}" for outcome, count in sorted(outcomes.items()))
    click.echo(f"views: {summary or 'none to refresh'} in {seconds:.1f} s"
               f"{f' ({len(ids) / seconds:.1f} views/s)' if ids and seconds else ''}")
