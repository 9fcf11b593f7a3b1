"""The app's services: what a request needs from the app (settings, the database, the clock,
the views' refresher and metrics), one instance per app in ``app.extensions["mutuals"]``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from flask import current_app

from backend.config import Settings
from backend.db import Database

if TYPE_CHECKING:
    from backend.network.metrics import ViewMetrics
    from backend.network.refresher import ViewRefresher


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class AppServices:
    settings: Settings
    db: Database
    # Injected in tests (expiry, re-invite waits) instead of sleeping.
    clock: Callable[[], datetime] = utc_now
    # Set by create_app: network views are refreshed in the background of each process.
    refresher: ViewRefresher | None = None
    view_metrics: ViewMetrics | None = None

    def close(self) -> None:
        """Stop the background refreshes, then the driver they use."""
        if self.refresher is not None:
            self.refresher.close()
        self.db.close()


def app_services() -> AppServices:
    return current_app.extensions["mutuals"]


def now() -> datetime:
    return app_services().clock()
