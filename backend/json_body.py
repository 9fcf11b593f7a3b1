"""The guard every request body passes before a view reads it (registered by create_app)."""

from __future__ import annotations

import json

from flask import request
from werkzeug.exceptions import RequestEntityTooLarge

from backend import errors

MAX_BODY_BYTES = 64 * 1024


def require_json_body():
    """Refuse, before any view reads it, a body that is too big, not JSON (rather than read
    silently as empty), nested deeper than the parser can recurse, or holding text no UTF-8
    encoder takes (JSON may escape lone surrogates, "\\ud800", that the Neo4j driver cannot
    send): each would otherwise be a 413, a 400 or a 500 deep inside some endpoint."""
    if not request.content_length:
        return
    if request.content_length > MAX_BODY_BYTES:
        raise RequestEntityTooLarge(f"The body is larger than {MAX_BODY_BYTES} bytes.")
    if request.method not in ("POST", "PUT", "PATCH"):
        return
    if not request.is_json:
        raise errors.Problem("Send the body as application/json.", status=415)
    try:
        body = json.loads(request.get_data(cache=True))
    except RecursionError:
        raise errors.Problem(
            "The JSON body is nested too deeply.", errors={"json": ["Nested too deeply."]}
        ) from None
    except ValueError:
        raise errors.Problem(
            "The body is not valid JSON.", errors={"json": ["Invalid JSON body."]}
        ) from None
    if (field := unencodable_field(body)) is not None:
        raise errors.Unprocessable(field or "json", "Not valid Unicode text.")


def unencodable_field(value, path: str = "") -> str | None:
    """The dotted path of the first string (key or value) holding a lone surrogate, or None."""
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
