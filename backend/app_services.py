"""The app's services: what a request needs from the app (settings, the database, the clock,
the views' refresher and metrics), one instance per app in ``app.extensions["mutuals"]``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

from flask import current_app

from backend.address_limits import AddressLimits, counters_storage
from backend.config import Settings
from backend.db import Database


class Background(Protocol):
    """Work a process runs beside its requests (the network views' refresher): stopped
    before the driver it uses. This module is the lowest layer, so it names no feature."""

    def close(self) -> None: ...


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class AppServices:
    settings: Settings
    db: Database
    # Injected in tests (expiry, re-invite waits) instead of sleeping.
    clock: Callable[[], datetime] = utc_now
    # Set by create_app: network views are refreshed in the background of each process
    # (backend/network/refresher.py), and measured (backend/network/metrics.py).
    refresher: Background | None = None
    view_metrics: Any = None
    # Sign-ups and failed authentications per client address; made from settings.
    address_limits: AddressLimits | None = None

    def __post_init__(self):
        if self.address_limits is None:
            self.address_limits = AddressLimits(
                counters_storage(self.settings.limits_storage, self.db),
                self.settings.signup_limit,
                self.settings.auth_failure_limit,
            )

    def close(self) -> None:
        """Stop the background refreshes, then the driver they use."""
        if self.refresher is not None:
            self.refresher.close()
        self.db.close()


def app_services() -> AppServices:
    return current_app.extensions["mutuals"]


# Set by ``backdated``, for this thread (or task) only.
_backdated: ContextVar[datetime | None] = ContextVar("backdated", default=None)


def now() -> datetime:
    """The current time for the services: the app's clock, or a ``backdated`` instant."""
    return _backdated.get() or app_services().clock()


@contextmanager
def backdated(at: datetime) -> Iterator[None]:
    """Run service calls as if at ``at``: the demo seeder writes a history this way, through
    the same rules as the API."""
    token = _backdated.set(at)
    try:
        yield
    finally:
        _backdated.reset(token)
