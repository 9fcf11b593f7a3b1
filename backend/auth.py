"""Who is calling: the bearer token of a request (backend/tokens.py makes and hashes them)."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

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


@dataclass(frozen=True)
class Bearer:
    """The request's bearer token, not yet checked. A statement that looks the token up
    itself (its columns ``caller_id``, ``expired``, ``stale``, as auth.person_for_token's)
    takes :meth:`params`; :func:`authenticated` then checks its answer, so that authenticating
    costs no round trip of its own."""

    token_hash: str

    def params(self) -> dict:
        return {
            "token_hash": self.token_hash,
            "now": now(),
            "ttl_days": app_services().settings.token_ttl_days,
        }


def bearer() -> Bearer:
    """The request's bearer token, or 401 when it carries none."""
    token = _bearer_token()
    if token is None:
        raise Unauthorized()
    return Bearer(hash_token(token))


def authenticated(credential: Bearer, rows: list[dict]) -> str:
    """The caller's id from the token lookup's ``rows``, or 401 (429 instead once the client
    has failed too often: a valid token is honoured whatever its address did). Cached on
    ``g`` for the request, with the token's hash (``g.token_hash``)."""
    if not rows or rows[0]["expired"]:
        app_services().address_limits.count_auth_failure()
        raise Unauthorized(
            "The bearer token has expired." if rows else "The bearer token is not valid."
        )
    if rows[0]["stale"]:  # the expiry counts from the last use, recorded at most daily
        app_services().db.idempotent_write(
            "auth.touch_token", 1, token_hash=credential.token_hash, now=now()
        )
    g.person_id, g.token_hash = rows[0]["caller_id"], credential.token_hash
    bookmarks.check_person(g.person_id)
    return g.person_id


def current_person_id() -> str:
    """The calling person's id (:func:`authenticated`), looked up on its own: one round trip,
    once per request."""
    if "person_id" not in g:
        credential = bearer()
        rows = app_services().db.read("auth.person_for_token", 3, **credential.params())
        authenticated(credential, rows)
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
