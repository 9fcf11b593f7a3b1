"""``mutuals views status|refresh``: the operators' handle on network views."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from backend.app_services import app_services, now
from backend.network.parts import PARTS
from backend.network.precompute import (
    DEFAULT_PARTS,
    Bounds,
    heaviest,
    refresh_people,
)
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


def bound_options(command):
    """The bounds of a precompute, shared by ``views refresh`` and the seed loads."""
    defaults = Bounds()
    for option in reversed(
        (
            click.option(
                "--top",
                default=defaults.top,
                show_default=True,
                type=click.IntRange(0),
                help="With --all-heavy: the most connected people first, at most this many "
                "(0: every heavy person).",
            ),
            click.option(
                "--max-seconds",
                default=defaults.max_seconds,
                show_default=True,
                type=click.FloatRange(0),
                help="Start no person past this many seconds (0: no bound).",
            ),
            click.option(
                "--max-bytes",
                default=defaults.max_bytes,
                show_default=True,
                type=click.IntRange(0),
                help="Start no person once the parts saved hold this many bytes (0: no bound).",
            ),
        )
    ):
        command = option(command)
    return command


@views.command()
@click.option("--person", "person_ids", multiple=True, help="A person's id (repeatable).")
@click.option(
    "--all-heavy",
    is_flag=True,
    help="The top of the degree distribution at or above MUTUALS_VIEW_THRESHOLD (see --top).",
)
@bound_options
@click.option(
    "--part",
    "parts",
    type=click.Choice(sorted(PARTS)),
    multiple=True,
    help=f"Only this part (repeatable; default: {' and '.join(DEFAULT_PARTS)}).",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar (default: when stderr is a terminal).",
)
@with_appcontext
def refresh(
    person_ids: tuple[str, ...],
    all_heavy: bool,
    top: int,
    max_seconds: float,
    max_bytes: int,
    parts: tuple[str, ...],
    progress: bool | None,
):
    """Compute views now, due or not (a view being computed elsewhere is left to it), the
    people named first, within the time and byte bounds."""
    if not person_ids and not all_heavy:
        raise click.UsageError("name --person ID or --all-heavy")
    bounds, parts = Bounds(top, max_seconds, max_bytes), parts or DEFAULT_PARTS
    heavy = heaviest(top, click.echo) if all_heavy else []
    click.echo(refresh_people([*person_ids, *heavy], parts, bounds, progress).line())
