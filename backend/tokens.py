"""Bearer tokens: made, hashed and stored.

A token is 32 random bytes (urlsafe base64), shown once; the graph keeps only its SHA-256
(a slow password hash buys nothing for 256 random bits), on a ``(:Token)-[:AUTHENTICATES]->
(:Person)`` node so a person may hold several and deleting the person deletes them. A token
expires ``MUTUALS_TOKEN_TTL_DAYS`` after its last use (``last_used_at``, refreshed at most once
a day by backend/auth.py). Its public id is the first 16 hex digits of its SHA-256: it names
the token in ``/v1/me/tokens`` without revealing anything that would let one use it.
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


def list_tokens(person_id: str, current_hash: str) -> list[dict]:
    """The person's unexpired tokens, newest first, never the secret."""
    services = app_services()
    return services.db.read(
        "auth.list_tokens",
        1,
        person_id=person_id,
        current_hash=current_hash,
        now=now(),
        ttl_days=services.settings.token_ttl_days,
    )


def revoke_token(person_id: str, token_id: str) -> bool:
    """Delete one of the person's tokens by its id; False when they hold none such."""
    rows = app_services().db.write("auth.delete_token", 1, person_id=person_id, token_id=token_id)
    return rows[0]["deleted"] > 0


def revoke_token_by_hash(token_hash: str) -> None:
    """Log out: delete the token of this request."""
    app_services().db.write("auth.delete_token_by_hash", 1, token_hash=token_hash)


def issue_token(person_id: str) -> str | None:
    """A new token for an existing person; None when there is no such person."""
    token, token_hash = new_token()
    rows = app_services().db.write(
        "auth.create_token", 1, person_id=person_id, token_hash=token_hash, now=now()
    )
    return token if rows else None
