"""``mutuals webhooks deliver``: the delivery worker (a service of its own in docker-compose,
started beside the API by ``make run``)."""

from __future__ import annotations

import signal

import click
from flask import current_app
from flask.cli import with_appcontext

from backend.app_services import app_services
from backend.webhooks.worker import BATCH, Worker


@click.group()
def webhooks():
    """Webhook deliveries (docs/notifications.md)."""


@webhooks.command()
@click.option("--poll", default=1.0, show_default=True, help="Seconds to wait when idle.")
@click.option("--batch", default=BATCH, show_default=True, help="Deliveries claimed at once.")
@click.option("--until-idle", is_flag=True, help="Exit once nothing is due (tests, one-off runs).")
@with_appcontext
def deliver(poll: float, batch: int, until_idle: bool):
    """Deliver notifications to webhooks until stopped (SIGTERM or Ctrl-C): claims due
    deliveries with a lease, so any number of workers can run; also sends the introduction
    expiry notices and prunes old notifications."""
    state = app_services()
    worker = Worker(current_app._get_current_object(), batch=batch)
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: worker.stopping.set())
    click.echo(f"webhooks: delivering from {state.settings.neo4j_uri}", err=True)
    counts = worker.run(poll_s=poll, until_idle=until_idle)
    click.echo(counts.summary())
