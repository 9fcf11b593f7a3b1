"""``mutuals views status|refresh``: the operators' handle on network views."""

from __future__ import annotations

import time
from collections import Counter

import click
from flask.cli import with_appcontext
from tqdm import tqdm

from backend.app_services import app_services, now
from backend.network.parts import PARTS
from backend.network.views import due_before


@click.group()
def views():
    """Precomputed network views of people with large networks (see docs/views.md)."""


@views.command()
@with_appcontext
def status():
    """How many views, their sizes and ages, and how many are due or outdated."""
    state = app_services()
    settings, at = state.settings, now()
    rows = state.db.read(
        "views.status", 1, now=at, due_before=due_before(at, settings.view_max_age_s)
    )
    click.echo(
        f"threshold: 2-hop work >= {settings.view_threshold:,}; {settings.view_size:,} "
        f"entries kept; max age {settings.view_max_age_s} s"
        f"{' (views off)' if not settings.view_max_age_s else ''}"
    )
    if not rows:
        click.echo("views: none")
    for row in rows:
        views = max(row["views"], 1)
        click.echo(
            f"{row['part']} views: {row['views']:,}; payload {row['bytes']:,} bytes in all, "
            f"{row['bytes'] // views:,} on average, {row['max_bytes']:,} the largest; "
            f"median age {row['median_age_s'] or 0:,} s (oldest {row['oldest']}, newest "
            f"{row['newest']}); slowest compute {row['max_compute_ms'] or 0:,} ms; "
            f"due {row['due']:,}, outdated by own changes {row['outdated']:,}, "
            f"refreshing {row['refreshing']:,}, orphaned {row['orphans']:,}"
        )


@views.command()
@click.option("--person", "person_ids", multiple=True, help="A person's id (repeatable).")
@click.option(
    "--all-heavy",
    is_flag=True,
    help="Every person whose 2-hop work reaches MUTUALS_VIEW_THRESHOLD.",
)
@click.option(
    "--part",
    "parts",
    type=click.Choice(sorted(PARTS)),
    multiple=True,
    help="Only this part (repeatable; default: both).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: when stderr is a terminal).",
)
@with_appcontext
def refresh(
    person_ids: tuple[str, ...], all_heavy: bool, parts: tuple[str, ...], progress: bool | None
):
    """Compute views now, due or not (a view being computed elsewhere is left to it)."""
    state = app_services()
    if not person_ids and not all_heavy:
        raise click.UsageError("name --person ID or --all-heavy")
    began = time.monotonic()
    ids = list(person_ids)
    if all_heavy:
        ids += [
            row["id"]
            for row in state.db.read(
                "views.heavy_people", 1, threshold=state.settings.view_threshold
            )
        ]
    outcomes = Counter()
    bar = tqdm(
        ids,
        desc="refreshing views",
        unit="view",
        disable=None if progress is None else not progress,
    )
    for person_id in bar:
        for part in parts or sorted(PARTS):
            outcomes[state.refresher.refresh(person_id, part, force=True)] += 1
    seconds = time.monotonic() - began
    summary = ", ".join(f"{count:,} {outcome}" for outcome, count in sorted(outcomes.items()))
    click.echo(
        f"views of {len(ids):,} people: {summary or 'none to refresh'} in {seconds:.1f} s"
        f"{f' ({len(ids) / seconds:.1f} people/s)' if ids and seconds else ''}"
    )
