"""Months, as careers count them: ``year * 12 + month - 1`` in the graph (so that a tenure is
a subtraction and an overlap a min/max), "YYYY-MM" in the API."""

from __future__ import annotations

import re
from datetime import datetime

from marshmallow import fields

_MONTH = re.compile(r"^(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])$")
FIRST_YEAR = 1900


def month_of(moment: datetime) -> int:
    return moment.year * 12 + moment.month - 1


def as_text(month: int | None) -> str | None:
    return None if month is None else f"{month // 12:04d}-{month % 12 + 1:02d}"


def parse(text: str) -> int | None:
    """The month "YYYY-MM" names (from FIRST_YEAR), or None when it is not one."""
    match = _MONTH.match(text) if isinstance(text, str) else None
    if not match or int(match["year"]) < FIRST_YEAR:
        return None
    return int(match["year"]) * 12 + int(match["month"]) - 1


class Month(fields.Field):
    """A month as "YYYY-MM" (from 1900), an integer month in the service."""

    default_error_messages = {"invalid": "Not a month: give YYYY-MM (from 1900-01)."}

    def _deserialize(self, value, attr, data, **kwargs):
        month = parse(value)
        if month is None:
            raise self.make_error("invalid")
        return month

    def _serialize(self, value, attr, obj, **kwargs):
        return as_text(value)
