"""Who is calling: the bearer token of a request (backend/tokens.py makes and hashes them)."""

from __future__ import annotations

import hmac

from flask import g, request

from backend.app_services import app_services
from backend.errors import NotFound, Unauthorized
from backend.tokens import hash_token

BEARER_SCHEME = {"type": "http", "scheme": "bearer", "description": "token from POST /v1/people"}
SECURITY = [{"bearerAuth": []}]


def _bearer_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def current_person_id() -> str:
    """The calling person's id, or 401. Cached on ``g`` for the request."""
    if "person_id" not in g:
        token = _bearer_token()
        if token is None:
            raise Unauthorized()
        rows = app_services().db.read("auth.person_for_token", 1, token_hash=hash_token(token))
        if not rows:
            raise Unauthorized("The bearer token is not valid.")
        g.person_id = rows[0]["person_id"]
    return g.person_id


def require_admin() -> None:
    """Admin endpoints exist only when MUTUALS_ADMIN_TOKEN is set; otherwise they are 404."""
    admin_token = app_services().settings.admin_token
    if not admin_token:
        raise NotFound("No such endpoint.")
    token = _bearer_token()
    if token is None or not hmac.compare_digest(token.encode(), admin_token.encode()):
        raise Unauthorized("An admin bearer token is required.")
