"""gunicorn started as production starts it, for tests of HTTP behaviour under real workers."""

from __future__ import annotations

import os


def production_environment(database, **extra) -> dict:
    """What a deployment sets (compose's api service): the database, the admin token, the
    address; nothing the test suite sets for itself (such as its generous per-address limits)."""
    settings = database.settings
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "NEO4J_URI": settings.neo4j_uri,
        "NEO4J_USERNAME": settings.neo4j_user,
        "NEO4J_PASSWORD": settings.neo4j_password or "",
        "MUTUALS_ADMIN_TOKEN": "test-admin-token",
        **extra,
    }
