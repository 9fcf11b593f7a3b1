"""Bearer tokens: made, hashed and stored.

A token is 32 random bytes (urlsafe base64), shown once; the graph keeps only its SHA-256
(a slow password hash buys nothing for 256 random bits), on a ``(:Token)-[:AUTHENTICATES]->
(:Person)`` node so a person may hold several and deleting the person deletes them.
"""

from __future__ import annotations

import hashlib
import secrets

from backend.app_services import app_services, now


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
    rows = app_services().db.write(
        "auth.create_token", 1, person_id=person_id, token_hash=token_hash, now=now()
    )
    return token if rows else None
