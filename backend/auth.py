"""Bearer tokens: who is calling.

A token is 32 random bytes (urlsafe base64), shown once; the graph keeps only its SHA-256
(a slow password hash buys nothing for 256 random bits), on a ``(:Token)-[:AUTHENTICATES]->
(:Person)`` node so a person may hold several and deleting the person deletes them.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from flask import g, request

from backend.errors import NotFound, Unauthorized
from backend.extension import mutuals, now

BEARER_SCHEME = {"type": "http", "scheme": "bearer", "description": "token from POST /v1/people"}
SECURITY = [{"bearerAuth": []}]


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh token and the hash the graph keeps of it (for writes that create a token
    inside a larger transaction, such as sign-up)."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)


def issue_token(person_id: str) -> str | None:
    """A new token for an existing person; None when there is no such person."""
    token, token_hash = new_token()
    rows = mutuals().db.write(
        "auth.create_token", 1, person_id=person_id, token_hash=token_hash, now=now()
    )
    return token if rows else None


def _bearer_token() -> str | None:
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def current_person_id() -> str:
    """The calling person's id, or 401. Cached on ``g`` for the request."""
    if "person_id" not in g:
        token = _bearer_token()
        if token is None:
            raise Unauthorized()
        rows = mutuals().db.read("auth.person_for_token", 1, token_hash=hash_token(token))
        if not rows:
            raise Unauthorized("The bearer token is not valid.")
        g.person_id = rows[0]["person_id"]
    return g.person_id


def require_admin() -> None:
    """Admin endpoints exist only when MUTUALS_ADMIN_TOKEN is set; otherwise they are 404."""
    admin_token = mutuals().settings.admin_token
    if not admin_token:
        raise NotFound("No such endpoint.")
    token = _bearer_token()
    if token is None or not hmac.compare_digest(token.encode(), admin_token.encode()):
        raise Unauthorized("An admin bearer token is required.")
