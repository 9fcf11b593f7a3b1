"""Cursor pagination, for every list of the API: ``{"items": [...], "next_cursor": ...}``.

A cursor is the name of the list's order and the sort key of the last item served, as
url-safe base64 JSON: opaque to clients, and stable while the list changes (the next page
starts after that key, it does not skip a count). Each list pages through :func:`paginate`
with its :class:`Order` (``NEWEST_FIRST``, ``BY_NAME``, or its own most-first order), which
names the key's query parameters and types; a cursor of another order is refused (422).
Queries fetch ``limit + 1`` rows to know whether there is a next page.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

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


class CursorError(Unprocessable):
    """A cursor this list did not hand out (or one altered on the way)."""

    def __init__(self):
        super().__init__("cursor", "Not a cursor from this list.")


@dataclass(frozen=True)
class Order:
    """A list's order, as its cursors hold it: a name (distinct for each order, so that a
    cursor copied from a list of another order is refused), the query parameters that take
    the sort key of the last item served, their types, and the key that comes before the
    first item (what the query takes for "first page")."""

    name: str
    params: tuple[str, ...]
    types: tuple[type, ...]
    first: tuple


# Newest first: (instant, id). The instant is integer nanoseconds since the epoch, computed in
# Cypher as ``t.epochSeconds * 1000000000 + t.nanosecond``, never the datetime itself: Cypher
# orders equal instants in different zone forms ('Z', '+00:00', '[UTC]') apart, and a
# datetime's text loses the zone form, so such a cursor could skip or repeat items.
NEWEST_FIRST = Order("newest", ("after_instant", "after_id"), (int, str), (None, None))
# By name: (name in lower case, id).
BY_NAME = Order("name", ("after_name", "after_id"), (str, str), ("", ""))
# Most first: each ranked list names its own (2nd connections by mutuals, suggestions by
# integer points, brokers by score), beside the query that ranks it.


def encode_cursor(key: Sequence) -> str:
    """A cursor holding ``key`` (its order's name first)."""
    raw = json.dumps(list(key), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, order: Order) -> tuple:
    """The sort key inside a cursor of ``order``, each value of the order's type, or
    ``order.first`` for the first page. A cursor is client input: anything else (another
    order's cursor included) is a ``CursorError`` (422)."""
    if cursor is None:
        return order.first
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        raise CursorError() from None
    if not isinstance(key, list) or len(key) != 1 + len(order.types) or key[0] != order.name:
        raise CursorError()
    return tuple(_typed(value, kind) for value, kind in zip(key[1:], order.types, strict=True))


def _typed(value, kind: type):
    """``value`` as ``kind`` when it is one that Neo4j can take as a parameter (no lone
    surrogates, integers within 64 bits; an int does for a float), else CursorError."""
    if kind is str and isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise CursorError() from None
        return value
    if kind in (int, float) and type(value) is int and -(2**63) <= value < 2**63:
        return kind(value)
    if kind is float and type(value) is float:
        return value
    raise CursorError()


def paginate(
    read: Callable[..., list[dict]],
    order: Order,
    limit: int,
    cursor: str | None,
    key: Callable[[dict], Sequence],
) -> dict:
    """One page of a list: ``read(limit=, **after)`` runs the list's query with the key of
    the last item served as ``order.params`` (``order.first`` for the first page);
    ``key(row)`` is a row's sort key, as the query orders by it."""
    after = dict(zip(order.params, decode_cursor(cursor, order), strict=True))
    rows = read(**after, limit=limit + 1)
    items = rows[:limit]
    next_cursor = encode_cursor([order.name, *key(items[-1])]) if len(rows) > limit else None
    return {"items": items, "next_cursor": next_cursor}


def newest_first(
    read: Callable[..., list[dict]], limit: int, cursor: str | None, id_of: Callable[[dict], str]
) -> dict:
    """One page of a newest-first list: ``read(after_instant=, after_id=, limit=)`` runs the
    list's query (its rows carry ``instant``); ``id_of(row)`` breaks ties between instants."""
    return paginate(read, NEWEST_FIRST, limit, cursor, key=lambda row: (row["instant"], id_of(row)))


def person_id_of(row: dict) -> str:
    """The id of the person a list's row is about (connections, requests, blocks)."""
    return row["person"]["id"]


def name_key(person: dict) -> tuple[str, str]:
    """A person's place in a ``BY_NAME`` list (the queries return ``name_lower``)."""
    return person["name_lower"], person["id"]
