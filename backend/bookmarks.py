"""Read-your-writes across workers and cluster members: the ``Mutuals-Bookmark`` header.

Every successful response to a request that wrote carries ``Mutuals-Bookmark``: the Neo4j
bookmarks of its write transactions and the person who wrote, signed by the server
(``payload.signature``, base64url of a JSON object and of its HMAC-SHA256). A request that
sends it back runs with those bookmarks, so the driver and the server make it wait until the
member it reads from has applied that write, whichever worker or cluster member serves it.
Without the header requests run as before.

Neo4j waits for whatever transaction a bookmark names, so a bookmark edited to name one that
never comes would hold a server thread (and the request's Neo4j session) for as long as Neo4j
waits. Only bookmarks with the server's signature are honoured: anything else is a 400
before any database work. The signing key is ``MUTUALS_BOOKMARK_SECRET`` or, unset, one derived
from the Neo4j password, which every worker and server of a deployment shares. A bookmark
names the person it was issued to; an authenticated request that sends someone else's is a
400 as well.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets

from apispec import BasePlugin
from flask import Flask, Response, current_app, g, has_request_context, request
from neo4j import Bookmarks

from backend import errors
from backend.config import Settings

HEADER = "Mutuals-Bookmark"
_MAX_LENGTH = 4096  # a bookmark per database is ~40 bytes; a cluster's few fit many times
_WRITE_METHODS = ("post", "put", "patch", "delete")
_KEY = "mutuals.bookmark_key"


def signing_key(settings: Settings) -> bytes:
    """The HMAC key: from MUTUALS_BOOKMARK_SECRET, else from the Neo4j password (shared by
    every worker and server that talks to the same database), else random for this process
    (a Neo4j without a password is a development setup)."""
    secret = settings.bookmark_secret or settings.neo4j_password
    if not secret:
        return secrets.token_bytes(32)
    return hashlib.sha256(b"mutuals bookmark key\0" + secret.encode()).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(key: bytes, payload: str) -> str:
    return _b64(hmac.digest(key, payload.encode(), hashlib.sha256))


def encode(key: bytes, values: frozenset[str] | set[str], person_id: str | None) -> str:
    """The header for ``values`` (Neo4j's bookmarks) written by ``person_id``."""
    payload = _b64(json.dumps({"bookmarks": sorted(values), "person": person_id}).encode())
    return f"{payload}.{_signature(key, payload)}"


def decode(key: bytes, text: str) -> tuple[tuple[str, ...], str | None]:
    """The bookmark values and the person of a header this server signed; a 400 problem for
    anything else, checked before any database work."""
    try:
        if len(text) > _MAX_LENGTH:
            raise ValueError("too long")
        payload, _, signature = text.partition(".")
        if not hmac.compare_digest(signature.encode(), _signature(key, payload).encode()):
            raise ValueError("not signed by this server")
        data = json.loads(_unb64(payload))
        values, person = data["bookmarks"], data["person"]
        if not (
            isinstance(values, list)
            and values
            and all(isinstance(v, str) and v and v.isprintable() for v in values)
            and (person is None or isinstance(person, str))
        ):
            raise ValueError("not a list of bookmarks")
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeDecodeError):
        raise malformed() from None
    return tuple(values), person


def malformed() -> errors.Problem:
    return errors.Problem(
        f"The {HEADER} header is malformed: send back the value a write response gave.",
        errors={HEADER: ["Not a bookmark this API issued."]},
    )


def init_app(app: Flask, settings: Settings) -> None:
    app.extensions[_KEY] = signing_key(settings)
    app.before_request(read_header)
    app.after_request(add_header)


def read_header() -> None:
    """before_request: keep the client's bookmarks, if this server signed them, for this
    request's sessions."""
    text = request.headers.get(HEADER)
    if text is not None:
        g.bookmarks_in, g.bookmark_person = decode(current_app.extensions[_KEY], text.strip())


def check_person(person_id: str) -> None:
    """Once the caller is known: a bookmark issued to someone else is refused (one written
    without a person, such as an admin's, is anyone's)."""
    issued_to = g.get("bookmark_person")
    if issued_to is not None and issued_to != person_id:
        raise errors.Problem(
            f"This {HEADER} was issued to someone else: send back your own.",
            errors={HEADER: ["Not a bookmark issued to you."]},
        )


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
        key = current_app.extensions[_KEY]
        response.headers[HEADER] = encode(key, written, g.get("person_id"))
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
                    "value (any worker, any cluster member). Opaque and signed: a value this "
                    "API did not issue to you is a 400.",
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
