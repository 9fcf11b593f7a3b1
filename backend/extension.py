"""What a request needs from the app: settings, the database and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone

from flask import current_app

from backend.config import Settings
from backend.db import Database


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass
class Mutuals:
    settings: Settings
    db: Database
    # Injected in tests (expiry, re-invite waits) instead of sleeping.
    clock: Callable[[], datetime] = utc_now


def mutuals() -> Mutuals:
    return current_app.extensions["mutuals"]


def now() -> datetime:
    return mutuals().clock()
