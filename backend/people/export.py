"""GET /v1/me/export: everything the service holds about a person, as one JSON document that
is streamed while it is read, section by section, in batches.

Each section is one named query (``cypher/queries/export/<name>.v1.cypher``) that takes
``person_id``, ``after`` (a key, '' first) and ``limit`` and returns ``key, item`` rows in key
order: a batch at a time, each in its own read transaction, so a hub's ten thousand
connections never sit in memory together. Each kind of data is one :class:`Section` in
:data:`SECTIONS` and its query file: careers' positions and education came in so, and the
target board with its shares and reads, the email addresses and LinkedIn contacts.

    {"format": "mutuals-export/1", "person_id": "...", "exported_at": "...",
     "sections": {"profile": [{...}], "connections": [{...}, ...], ...}}
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from backend.app_services import app_services, now
from backend.errors import TooManyRequests
from backend.notifications.outbox import json_default

FORMAT = "mutuals-export/1"
BATCH = 500  # rows per read: what the export holds in memory at a time
WINDOW = timedelta(days=1)  # exports per person are counted over this rolling window


@dataclass(frozen=True)
class Section:
    """One kind of data: its name in the document and the query that pages it."""

    name: str
    query: str
    version: int = 1


SECTIONS = (
    Section("profile", "export.profile"),
    Section("connections", "export.connections"),
    Section("requests", "export.requests"),
    Section("blocks", "export.blocks"),
    Section("introductions", "export.introductions"),
    Section("recommendations", "export.recommendations"),
    Section("endorsements", "export.endorsements"),
    Section("notifications", "export.notifications"),
    Section("webhooks", "export.webhooks"),
    Section("tokens", "export.tokens"),
    Section("dismissed_suggestions", "export.dismissed_suggestions"),
    Section("positions", "export.positions"),
    Section("education", "export.education"),
    Section("targets", "export.targets"),
    Section("board_shares", "export.board_shares"),
    Section("board_reads", "export.board_reads"),
    Section("emails", "export.emails"),
    Section("contacts", "export.contacts"),
)


def start(person_id: str) -> Iterator[str]:
    """Count this export against the person's allowance (429 beyond it), then the document
    as an iterator of text chunks, read from the graph as it is consumed."""
    db, at = app_services().db, now()
    allowed = db.settings.exports_per_day
    rows = db.write(
        "export.count", 1, person_id=person_id, now=at, since=at - WINDOW, allowed=allowed
    )
    if not rows[0]["counted"]:
        frees_at = rows[0]["oldest"].to_native() + WINDOW
        raise TooManyRequests(
            f"You have exported your data {allowed} times in the last 24 hours.",
            retry_after_seconds=(frees_at - at).total_seconds(),
        )
    return _document(person_id, at)


def _document(person_id: str, at) -> Iterator[str]:
    head = {"format": FORMAT, "person_id": person_id, "exported_at": at.isoformat()}
    yield json.dumps(head)[:-1] + ', "sections": {'
    for number, section in enumerate(SECTIONS):
        yield (", " if number else "") + json.dumps(section.name) + ": ["
        for index, item in enumerate(_items(person_id, section)):
            yield (", " if index else "") + json.dumps(item, default=json_default)
        yield "]"
    yield "}}\n"


def _items(person_id: str, section: Section) -> Iterator[dict]:
    db, after = app_services().db, ""
    while True:
        rows = db.read(
            section.query, section.version, person_id=person_id, after=after, limit=BATCH
        )
        for row in rows:
            yield row["item"]
        if len(rows) < BATCH:
            return
        after = rows[-1]["key"]
