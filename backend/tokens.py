"""Bearer tokens: made and hashed (people's service stores, lists and revokes them).

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


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh token and the hash the graph keeps of it (for writes that create a token
    inside a larger transaction, such as sign-up)."""
    token = secrets.token_urlsafe(32)
    return token, hash_token(token)
