"""Cursor pagination: ``{"items": [...], "next_cursor": ...}``.

A cursor is the sort key of the last item served, as url-safe base64 JSON: opaque to
clients, and stable while the list changes (the next page starts after that key, it does
not skip a count). Queries fetch ``limit + 1`` rows to know whether there is a next page.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence

from marshmallow import Schema, fields, validate

from backend.errors import Unprocessable

DEFAULT_LIMIT = 20
MAX_LIMIT = 100


class PageArgsSchema(Schema):
    limit = fields.Integer(load_default=DEFAULT_LIMIT, validate=validate.Range(1, MAX_LIMIT))
    cursor = fields.String(load_default=None, validate=validate.Length(max=1000))


def page_schema(
    item_schema: type[Schema] | Schema, name: str, **more: fields.Field
) -> type[Schema]:
    """The response schema of a list of ``item_schema`` (and ``more`` fields beside it)."""
    return Schema.from_dict(
        {
            "items": fields.List(fields.Nested(item_schema), required=True),
            "next_cursor": fields.String(allow_none=True, required=True),
            **more,
        },
        name=name,
    )


def encode_cursor(key: Sequence) -> str:
    raw = json.dumps(list(key), separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, length: int) -> list | None:
    """The sort key inside a cursor (a list of ``length`` values), or None for the first page."""
    if cursor is None:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        key = None
    if not isinstance(key, list) or len(key) != length or not all(map(_sendable, key)):
        raise Unprocessable("cursor", "Not a cursor from this list.")
    return key


def _sendable(value) -> bool:
    """A cursor is client input: only values Neo4j can take as parameters (no lone
    surrogates, integers within 64 bits) go back to Cypher."""
    if isinstance(value, bool) or value is None or isinstance(value, float):
        return True
    if isinstance(value, int):
        return -(2**63) <= value < 2**63
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return False
        return True
    return False


def page(rows: list, limit: int, key: Callable[[dict], Sequence]) -> dict:
    """Cut ``limit + 1`` fetched rows into one page and the cursor of the next."""
    items = rows[:limit]
    next_cursor = encode_cursor(key(items[-1])) if len(rows) > limit else None
    return {"items": items, "next_cursor": next_cursor}
