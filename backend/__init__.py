"""mutuals: a professional-network graph backend on Neo4j."""

from __future__ import annotations

import dataclasses
import http
import importlib
import json
import os

from apispec import BasePlugin
from flask import Flask, request, send_from_directory
from flask_smorest import Api
from prometheus_client import CollectorRegistry
from swagger_ui_bundle import swagger_ui_path
from werkzeug.exceptions import HTTPException, RequestEntityTooLarge

from backend import errors
from backend.auth import BEARER_SCHEME
from backend.config import Settings
from backend.db import Database
from backend.extension import Mutuals
from backend.network.metrics import ViewMetrics
from backend.network.refresher import ViewRefresher
from backend.network.views import refresh_changed

# One blueprint per area: backend/<area>/routes.py defines `blp`.
AREAS = (
    "health",
    "people",
    "connections",
    "network",
    "intros",
    "recommendations",
    "notifications",
    "webhooks",
)
MAX_BODY_BYTES = 64 * 1024
# Swagger UI's assets come from the swagger-ui-bundle package: /docs works offline.
SWAGGER_UI_STATIC = "/docs/static"


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


def create_app(config: dict | None = None) -> Flask:
    """The app factory. ``config`` may hold Flask settings, a ``SETTINGS`` override dict
    (fields of :class:`backend.config.Settings`) and a ``CLOCK`` callable for tests."""
    config = dict(config or {})
    settings = Settings.from_env()
    if overrides := config.pop("SETTINGS", None):
        settings = dataclasses.replace(settings, **overrides)
    clock = config.pop("CLOCK", None)

    app = Flask(__name__)
    app.config.update(
        API_TITLE="mutuals",
        API_VERSION="v1",
        # 3.0.3: what the bundled Swagger UI (4.x) renders.
        OPENAPI_VERSION="3.0.3",
        OPENAPI_URL_PREFIX="/",
        OPENAPI_JSON_PATH="openapi.json",
        OPENAPI_SWAGGER_UI_PATH="/docs",
        OPENAPI_SWAGGER_UI_URL=SWAGGER_UI_STATIC + "/",
        MAX_CONTENT_LENGTH=MAX_BODY_BYTES,
        JSON_SORT_KEYS=False,
    )
    app.config.update(config)

    state = Mutuals(settings=settings, db=Database(settings))
    if clock is not None:
        state.clock = clock
    app.extensions["mutuals"] = state

    api = ProblemApi(app, spec_kwargs={"extra_plugins": [ProblemResponses()]})
    api.spec.components.security_scheme("bearerAuth", BEARER_SCHEME)
    for area in AREAS:
        api.register_blueprint(importlib.import_module(f"backend.{area}.routes").blp)

    app.add_url_rule(
        SWAGGER_UI_STATIC + "/<path:filename>",
        "swagger_ui_static",
        lambda filename: send_from_directory(swagger_ui_path, filename),
    )
    app.register_error_handler(errors.Problem, errors.render_problem)
    app.before_request(_require_json_body)
    state.view_metrics = ViewMetrics(_init_metrics(app))
    state.refresher = ViewRefresher(state)
    app.after_request(refresh_changed)
    return app


def _require_json_body():
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
        )
    except ValueError:
        raise errors.Problem("The body is not valid JSON.", errors={"json": ["Invalid JSON body."]})
    if (field := _unencodable_field(body)) is not None:
        raise errors.Unprocessable(field or "json", "Not valid Unicode text.")


def _unencodable_field(value, path: str = "") -> str | None:
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
        if (found := _unencodable_field(key, here) if isinstance(key, str) else None) is not None:
            return found
        if (found := _unencodable_field(item, here)) is not None:
            return found
    return None


def _init_metrics(app: Flask) -> CollectorRegistry:
    """Prometheus at /metrics; under gunicorn, aggregated across workers. Returns the registry
    the app's own metrics join."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        from prometheus_flask_exporter.multiprocess import GunicornInternalPrometheusMetrics

        return GunicornInternalPrometheusMetrics(app, group_by="endpoint").registry
    from prometheus_flask_exporter import PrometheusMetrics

    # A registry per app, so that tests can build many apps in one process.
    return PrometheusMetrics(
        app, group_by="endpoint", registry=CollectorRegistry(auto_describe=True)
    ).registry
