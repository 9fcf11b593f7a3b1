"""Look up what /openapi.json documents for a real response, and check the response against it."""

from __future__ import annotations

import re

import jsonschema

PROBLEM_MIME = "application/problem+json"


def _resolve(spec: dict, node: dict) -> dict:
    while "$ref" in node:
        _, *parts = node["$ref"].split("/")
        node = spec
        for part in parts:
            node = node[part]
    return node


def operation_for(spec: dict, method: str, path: str) -> tuple[str, dict]:
    """The documented operation whose path template matches a concrete path."""
    for template, item in spec["paths"].items():
        pattern = "^" + re.sub(r"\{[^/]+?\}", "[^/]+", template) + "$"
        if re.match(pattern, path) and method.lower() in item:
            return template, item[method.lower()]
    raise AssertionError(f"{method} {path} is not in the document")


def documented_response(spec: dict, method: str, path: str, status: int) -> dict:
    """The response object documented for that status, else the operation's default."""
    _, operation = operation_for(spec, method, path)
    responses = operation["responses"]
    response = responses.get(str(status)) or responses.get("default")
    assert response is not None, f"{method} {path}: {status} not documented and no default"
    return _resolve(spec, response)


def _validator(spec: dict, schema: dict) -> jsonschema.Draft4Validator:
    # OpenAPI 3.0 schema objects are (nearly) JSON Schema draft 4; their refs point into the
    # document's components, so the root schema carries them.
    return jsonschema.Draft4Validator({"allOf": [schema], "components": spec["components"]})


def check_error_response(
    spec: dict, method: str, path: str, status: int, content_type: str, body
) -> None:
    """An error answer matches its documented content type and schema."""
    response = documented_response(spec, method, path, status)
    content = response.get("content") or {}
    assert list(content) == [PROBLEM_MIME], (method, path, status, content)
    assert content_type.split(";")[0].strip() == PROBLEM_MIME, (method, path, status, content_type)
    _validator(spec, content[PROBLEM_MIME]["schema"]).validate(body)
