"""Typed cursor keys for the lists of people: a cursor is client input, so its values are
checked before they reach Cypher (a string where a number belongs would be a 500;
``decode_cursor`` already refuses what Neo4j cannot take at all).

Newest-first lists sort by an instant in integer nanoseconds
(``t.epochSeconds * 1000000000 + t.nanosecond`` in Cypher) rather than by the datetime
itself: Cypher orders equal instants in different zone forms ('Z', '+00:00', '[UTC]') apart,
which would make a cursor skip or repeat items.
"""

from __future__ import annotations

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


def instant_key(cursor: str | None) -> tuple[int | None, str | None]:
    """(instant in ns, id) after which a newest-first page starts; (None, None) for the first."""
    key = decode_cursor(cursor, 2)
    if key is None:
        return None, None
    instant, person_id = key
    if type(instant) is not int or not isinstance(person_id, str):
        raise _invalid()
    return instant, person_id
