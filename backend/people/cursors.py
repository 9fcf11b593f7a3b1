"""Typed cursor keys for the lists of people: a cursor is client input, so its values are
checked before they reach Cypher (a string where a datetime belongs would be a 500)."""

from __future__ import annotations

from neo4j.time import DateTime

from backend.errors import Unprocessable
from backend.pagination import decode_cursor


def _invalid() -> Unprocessable:
    return Unprocessable("cursor", "Not a cursor from this list.")


def name_key(cursor: str | None) -> tuple[str, str]:
    """(name_lower, id) after which a name-ordered page starts; ('', '') for the first page."""
    key = decode_cursor(cursor, 2)
    if key is None:
        return "", ""
    if not all(isinstance(value, str) for value in key):
        raise _invalid()
    return key[0], key[1]


def time_key(cursor: str | None) -> tuple[DateTime | None, str | None]:
    """(datetime, id) after which a newest-first page starts; (None, None) for the first page."""
    key = decode_cursor(cursor, 2)
    if key is None:
        return None, None
    if not all(isinstance(value, str) for value in key):
        raise _invalid()
    try:
        return DateTime.from_iso_format(key[0]), key[1]
    except ValueError:
        raise _invalid() from None


def encode_time(value: DateTime) -> str:
    """The cursor form of a graph datetime (full nanosecond precision, so no item is skipped)."""
    return value.iso_format()
