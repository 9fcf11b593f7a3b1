"""problem+json (RFC 9457) for every error the API answers.

Services raise :class:`Problem` subclasses; werkzeug/flask-smorest HTTP errors (404, 405,
webargs' 422, ...) are rendered the same way by :func:`problem_from_http_exception`.
"""

from __future__ import annotations

from flask import Response, json
from werkzeug.exceptions import HTTPException
from werkzeug.http import HTTP_STATUS_CODES

PROBLEM_MIME = "application/problem+json"

# What /openapi.json says every error looks like (components/schemas): the body that
# problem_response() writes, with `errors` per field (required on 422).
_FIELD_ERRORS = {
    "type": "object",
    "description": "Messages per field (a nested object for a nested field, e.g. a list item).",
    "additionalProperties": {
        "anyOf": [{"type": "array", "items": {"type": "string"}}, {"type": "object"}]
    },
}
PROBLEM_SCHEMAS = {
    "Problem": {
        "type": "object",
        "description": "RFC 9457 problem details (application/problem+json).",
        "required": ["type", "title", "status"],
        "properties": {
            "type": {"type": "string", "example": "about:blank"},
            "title": {"type": "string", "example": "Not Found"},
            "status": {"type": "integer", "example": 404},
            "detail": {"type": "string"},
            "errors": _FIELD_ERRORS,
        },
    },
    "ValidationProblem": {
        "type": "object",
        "description": "A 422 problem: `errors` names each refused field.",
        "required": ["type", "title", "status", "detail", "errors"],
        "properties": {
            "type": {"type": "string", "example": "about:blank"},
            "title": {"type": "string", "example": "Unprocessable Content"},
            "status": {"type": "integer", "example": 422},
            "detail": {"type": "string", "example": "Invalid fields: note."},
            "errors": dict(_FIELD_ERRORS, example={"note": ["Longer than maximum length 300."]}),
        },
    },
}


def problem_content(status: int | str) -> dict:
    """The `content` of a documented error response."""
    name = "ValidationProblem" if str(status) == "422" else "Problem"
    return {PROBLEM_MIME: {"schema": {"$ref": f"#/components/schemas/{name}"}}}


class Problem(Exception):
    """An error with an HTTP status, raised from services and rendered as problem+json."""

    status = 400
    title = "Bad Request"

    def __init__(
        self,
        detail: str,
        *,
        errors: dict | None = None,
        headers: dict | None = None,
        status: int | None = None,
        title: str | None = None,
    ):
        super().__init__(detail)
        self.detail = detail
        self.errors = errors
        self.headers = headers or {}
        if status is not None:
            self.status = status
            self.title = title or HTTP_STATUS_CODES.get(status, "Error")
        elif title is not None:
            self.title = title


class Unauthorized(Problem):
    status, title = 401, "Unauthorized"

    def __init__(self, detail: str = "A valid bearer token is required."):
        super().__init__(detail, headers={"WWW-Authenticate": 'Bearer realm="mutuals"'})


class Forbidden(Problem):
    status, title = 403, "Forbidden"


class NotFound(Problem):
    status, title = 404, "Not Found"


class Conflict(Problem):
    status, title = 409, "Conflict"


class Unprocessable(Problem):
    """422 about one field: ``Unprocessable("to", "You cannot invite yourself.")``."""

    status, title = 422, "Unprocessable Content"

    def __init__(self, field: str, message: str):
        super().__init__(message, errors={field: [message]})


class TooManyRequests(Problem):
    status, title = 429, "Too Many Requests"

    def __init__(self, detail: str, retry_after_seconds: int):
        super().__init__(detail, headers={"Retry-After": str(max(1, int(retry_after_seconds)))})


class ServiceUnavailable(Problem):
    status, title = 503, "Service Unavailable"

    def __init__(self, detail: str, retry_after_seconds: int | None = None):
        headers = {"Retry-After": str(retry_after_seconds)} if retry_after_seconds else None
        super().__init__(detail, headers=headers)


class AuthenticationFailed(ServiceUnavailable):
    """Neo4j refused the configured credentials: an operator's problem, named as such."""

    def __init__(
        self,
        detail: str = "Neo4j refused the configured credentials (authentication "
        "failed): check NEO4J_USERNAME and NEO4J_PASSWORD.",
    ):
        super().__init__(detail)


def problem_response(
    status: int,
    title: str,
    detail: str | None = None,
    *,
    errors: dict | None = None,
    headers: dict | None = None,
) -> Response:
    body = {"type": "about:blank", "title": title, "status": status}
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    response = Response(json.dumps(body), status=status, mimetype=PROBLEM_MIME)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def render_problem(problem: Problem) -> Response:
    return problem_response(
        problem.status,
        problem.title,
        problem.detail,
        errors=problem.errors,
        headers=problem.headers,
    )


def _flatten_webargs_messages(messages: dict) -> dict:
    """webargs nests errors by location ({"json": {"note": [...]}}); clients want field names.

    A message about the whole body (``{"json": ["Invalid JSON body."]}``) keeps its location
    as the key."""
    flat: dict = {}
    for location, fields in messages.items():
        if isinstance(fields, dict):
            flat.update(fields)
        else:
            flat[location] = fields
    return flat


def problem_from_http_exception(error: HTTPException) -> Response:
    data = getattr(error, "data", None) or {}
    errors = None
    if "errors" in data:
        errors = data["errors"]
    elif "messages" in data:
        errors = _flatten_webargs_messages(data["messages"])
    detail = data.get("message") or error.description
    if errors and error.code == 422:
        detail = "Invalid fields: " + ", ".join(sorted(map(str, errors))) + "."
    headers = dict(data.get("headers") or {})
    if error.code == 405 and error.valid_methods:
        headers["Allow"] = ", ".join(error.valid_methods)
    return problem_response(
        error.code or 500,
        HTTP_STATUS_CODES.get(error.code, error.name),
        detail,
        errors=errors,
        headers=headers,
    )
