"""The guard every request body passes before a view reads it (registered by create_app)."""

from __future__ import annotations

import json

from flask import request
from werkzeug.exceptions import RequestEntityTooLarge

from backend import errors
from backend.app_services import app_services

MAX_BODY_BYTES = 64 * 1024
# The endpoints that take files (multipart/form-data) instead of JSON: their bodies may be as
# large as Settings.upload_max_bytes, and their views read them (an area adds its own).
FILE_ENDPOINTS: set[str] = set()
# No body of this API nests more than a few levels; a limit well below any parser's or
# walker's recursion keeps every Python (3.12+ parses deeper than 3.11) answering the same.
MAX_NESTING = 32
TOO_DEEP = "The JSON body is nested too deeply."


def require_json_body():
    """Refuse, before any view reads it, a body that is too big, not JSON (rather than read
    silently as empty), nested deeper than ``MAX_NESTING``, or holding text no UTF-8 encoder
    takes (JSON may escape lone surrogates, "\\ud800", that the Neo4j driver cannot send):
    each would otherwise be a 413, a 400 or a 500 deep inside some endpoint. A chunked body
    (no Content-Length) is read as far as ``MAX_BODY_BYTES`` and checked the same way.
    A file upload (:data:`FILE_ENDPOINTS`) is only held to its own size limit here."""
    if request.endpoint in FILE_ENDPOINTS:
        limit = app_services().settings.upload_max_bytes
        request.max_content_length = limit  # a chunked body stops there too
        if request.content_length and request.content_length > limit:
            raise RequestEntityTooLarge(f"The upload is larger than {limit} bytes.")
        return
    if request.content_length and request.content_length > MAX_BODY_BYTES:
        raise RequestEntityTooLarge(f"The body is larger than {MAX_BODY_BYTES} bytes.")
    if request.method not in ("POST", "PUT", "PATCH"):
        return
    # Werkzeug stops a chunked body at MAX_CONTENT_LENGTH (413) as it reads it.
    data = request.get_data(cache=True)
    if not data:
        return
    if not request.is_json:
        raise errors.Problem("Send the body as application/json.", status=415)
    try:
        body = json.loads(data)
    except RecursionError:
        raise _too_deep() from None
    except ValueError:
        raise errors.Problem(
            "The body is not valid JSON.", errors={"json": ["Invalid JSON body."]}
        ) from None
    if nesting(body) > MAX_NESTING:
        raise _too_deep()
    if (field := unencodable_field(body)) is not None:
        raise errors.Unprocessable(field or "json", "Not valid Unicode text.")


def _too_deep() -> errors.Problem:
    return errors.Problem(TOO_DEEP, errors={"json": ["Nested too deeply."]})


def nesting(value) -> int:
    """How many containers deep ``value`` goes (a scalar 0, ``[]`` 1, ``[[1]]`` 2), level by
    level rather than by recursion, so with no recursion limit of its own."""
    depth, level = 0, [value]
    while containers := [item for item in level if isinstance(item, (dict, list))]:
        depth += 1
        level = [
            child
            for container in containers
            for child in (container.values() if isinstance(container, dict) else container)
        ]
    return depth


def unencodable_field(value, path: str = "") -> str | None:
    """The dotted path of the first string (key or value) holding a lone surrogate, or None
    (recursive: for bodies within ``MAX_NESTING``)."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return path
        return None
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        here = f"{path}.{key}" if path else str(key)
        if (found := unencodable_field(key, here) if isinstance(key, str) else None) is not None:
            return found
        if (found := unencodable_field(item, here)) is not None:
            return found
    return None
