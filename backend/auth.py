"""Who is calling: the bearer token of a request (backend/tokens.py makes and hashes them)."""

from __future__ import annotations

import hmac

from flask import g, request

from backend import bookmarks
from backend.app_services import app_services, now
from backend.errors import NotFound, Unauthorized
from backend.tokens import hash_token

BEARER_SCHEME = {"type": "http", "scheme": "bearer", "description": "token from POST /v1/people"}
SECURITY = [{"bearerAuth": []}]


def _bearer_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def current_person_id() -> str:
    """The calling person's id, or 401 (429 instead once the client has failed too often: a
    valid token is honoured whatever its address did). Cached on ``g`` for the request, with
    the token's hash (``g.token_hash``)."""
    if "person_id" not in g:
        services = app_services()
        token = _bearer_token()
        if token is None:
            raise Unauthorized()
        token_hash = hash_token(token)
        rows = services.db.read(
            "auth.person_for_token",
            2,
            token_hash=token_hash,
            now=now(),
            ttl_days=services.settings.token_ttl_days,
        )
        if not rows or rows[0]["expired"]:
            services.address_limits.count_auth_failure()
            raise Unauthorized(
                "The bearer token has expired." if rows else "The bearer token is not valid."
            )
        if rows[0]["stale"]:  # the expiry counts from the last use, recorded at most daily
            services.db.idempotent_write("auth.touch_token", 1, token_hash=token_hash, now=now())
        g.person_id, g.token_hash = rows[0]["person_id"], token_hash
        bookmarks.check_person(g.person_id)
    return g.person_id


def require_admin() -> None:
    """Admin endpoints exist only when MUTUALS_ADMIN_TOKEN is set; otherwise they are 404."""
    services = app_services()
    if not services.settings.admin_token:
        raise NotFound("No such endpoint.")
    services.address_limits.check_auth_failures()
    if not has_admin_token():
        services.address_limits.count_auth_failure()
        raise Unauthorized("An admin bearer token is required.")


def has_admin_token() -> bool:
    """Whether the request carries the admin token (MUTUALS_ADMIN_TOKEN, when set)."""
    admin_token = app_services().settings.admin_token
    token = _bearer_token()
    # Constant time: how much of a guess matches must not show in how long the answer takes.
    return bool(admin_token and token) and hmac.compare_digest(token.encode(), admin_token.encode())
