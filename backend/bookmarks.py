"""Read-your-writes across workers and cluster members: the ``Mutuals-Bookmark`` header.

Every successful response to a request that wrote carries ``Mutuals-Bookmark``: the Neo4j
bookmarks of its write transactions, opaque to clients (base64url of a JSON list). A request
that sends it back runs its transactions with those bookmarks, so the driver and the server
make it wait until the member it reads from has applied that write, whichever worker or
cluster member serves it. Without the header requests run as before. A header that is not
one we issued is a 400 problem naming it.
"""

from __future__ import annotations

import base64
import binascii
import json

from apispec import BasePlugin
from flask import Response, g, has_request_context, request
from neo4j import Bookmarks

from backend import errors

HEADER = "Mutuals-Bookmark"
_MAX_LENGTH = 4096  # a bookmark per database is ~40 bytes; a cluster's few fit many times
_WRITE_METHODS = ("post", "put", "patch", "delete")


def encode(values: frozenset[str] | set[str]) -> str:
    return base64.urlsafe_b64encode(json.dumps(sorted(values)).encode()).decode().rstrip("=")


def decode(text: str) -> tuple[str, ...]:
    """The bookmark values of a header we issued; a 400 problem otherwise."""
    try:
        if len(text) > _MAX_LENGTH:
            raise ValueError("too long")
        values = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
        if not (
            isinstance(values, list)
            and values
            and all(isinstance(v, str) and v and v.isprintable() for v in values)
        ):
            raise ValueError("not a list of bookmarks")
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise malformed() from None
    return tuple(values)


def malformed() -> errors.Problem:
    return errors.Problem(
        f"The {HEADER} header is malformed: send back the value a write response gave.",
        errors={HEADER: ["Not a bookmark this API issued."]},
    )


def read_header() -> None:
    """before_request: keep the client's bookmarks for this request's sessions."""
    text = request.headers.get(HEADER)
    if text is not None:
        g.bookmarks_in = decode(text.strip())


def for_session() -> Bookmarks | None:
    """The bookmarks a session of the current request starts from: the client's and those of
    the request's own earlier writes (a later read may go to another cluster member). None
    outside requests and before any."""
    if not has_request_context():
        return None
    values = {*g.get("bookmarks_in", ()), *g.get("bookmarks_out", ())}
    return Bookmarks.from_raw_values(values) if values else None


def record_write(bookmarks: Bookmarks) -> None:
    """After a write transaction in a request: its bookmarks go into the response."""
    if has_request_context():
        g.setdefault("bookmarks_out", set()).update(bookmarks.raw_values)


def add_header(response: Response) -> Response:
    """after_request: a successful response of a request that wrote carries its bookmarks."""
    written = g.get("bookmarks_out")
    if written and response.status_code < 400:
        response.headers[HEADER] = encode(written)
    return response


class BookmarkDocs(BasePlugin):
    """/openapi.json: every operation accepts the header; write operations return it."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        for method, operation in (operations or {}).items():
            operation.setdefault("parameters", []).append(
                {
                    "name": HEADER,
                    "in": "header",
                    "required": False,
                    "description": "Read at least as fresh as the write that returned this "
                    "value (any worker, any cluster member). Opaque; a value this API did not "
                    "issue is a 400.",
                    "schema": {"type": "string", "maxLength": _MAX_LENGTH},
                }
            )
            if method not in _WRITE_METHODS:
                continue
            for status, response in operation.get("responses", {}).items():
                if str(status).startswith("2") and isinstance(response, dict):
                    response.setdefault("headers", {})[HEADER] = {
                        "description": "The bookmark of this write: send it back as the "
                        f"{HEADER} request header to read your own write.",
                        "schema": {"type": "string"},
                    }
