"""The flask-smorest ``Api`` of the app: errors answered, and documented, as problem+json."""

from __future__ import annotations

import http

from apispec import BasePlugin
from flask import Response, jsonify
from flask_smorest import Api
from marshmallow import Schema
from werkzeug.exceptions import HTTPException

from backend import errors


class ProblemResponses(BasePlugin):
    """Every error response an operation documents (``@blp.alt_response(404, description=...)``)
    gets the problem+json content the API really answers."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        for operation in (operations or {}).values():
            for status, response in operation.get("responses", {}).items():
                if (
                    isinstance(response, dict)
                    and "$ref" not in response
                    and str(status).isdigit()
                    and int(status) >= 400
                    and not response.get("content")
                ):
                    response["content"] = errors.problem_content(status)


class ProblemApi(Api):
    """flask-smorest renders HTTP errors as its own JSON and documents them with its own
    ``Error`` schema; we answer, and document, problem+json."""

    def handle_http_exception(self, error: HTTPException):
        return errors.problem_from_http_exception(error)

    def _register_responses(self):
        """The reusable responses (``DEFAULT_ERROR``, ``UNPROCESSABLE_ENTITY``, ...), lazily:
        only those that operations use appear in the document."""
        for name, schema in errors.PROBLEM_SCHEMAS.items():
            self.spec.components.schema(name, schema)
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            if status >= 400:
                response["content"] = errors.problem_content(status.value)
            self.spec.components.response(status.name, response, lazy=True)
        self.spec.components.response(
            "DEFAULT_ERROR",
            {
                "description": "An error, as problem+json (see the Problem schema)",
                "content": errors.problem_content("default"),
            },
            lazy=True,
        )


def alternative(schema: Schema, data, status: int) -> Response:
    """An alternative success response that an operation documents with its own schema
    (``@blp.alt_response(200, schema=...)``), serialised with that schema: flask-smorest
    serialises only the main response (``@blp.response``)."""
    response = jsonify(schema.dump(data))
    response.status_code = status
    return response
