"""mutuals: a professional-network graph backend on Neo4j."""

from __future__ import annotations

import dataclasses
import importlib

from flask import Flask, send_from_directory
from swagger_ui_bundle import swagger_ui_path
from werkzeug.middleware.proxy_fix import ProxyFix

from backend import bookmarks, errors, request_log
from backend.api import ProblemApi, ProblemResponses
from backend.app_services import AppServices
from backend.auth import BEARER_SCHEME
from backend.config import Settings
from backend.db import Database
from backend.json_body import MAX_BODY_BYTES, require_json_body
from backend.metrics import init_metrics
from backend.network.metrics import ViewMetrics
from backend.network.refresher import ViewRefresher
from backend.network.views import after_changes
from backend.openapi_links import OperationLinks

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
    "organizations",
    "careers",
    "targets",
    "imports",
)
# Swagger UI's assets come from the swagger-ui-bundle package: /docs works offline.
SWAGGER_UI_STATIC = "/docs/static"


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
    if settings.trusted_proxies:  # client addresses from X-Forwarded-For, that many hops deep
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxies)

    state = AppServices(settings=settings, db=Database(settings))
    if clock is not None:
        state.clock = clock
    app.extensions["mutuals"] = state

    api = ProblemApi(
        app,
        spec_kwargs={
            "extra_plugins": [ProblemResponses(), bookmarks.BookmarkDocs(), OperationLinks()]
        },
    )
    api.spec.components.security_scheme("bearerAuth", BEARER_SCHEME)
    for area in AREAS:
        api.register_blueprint(importlib.import_module(f"backend.{area}.routes").blp)

    app.add_url_rule(
        SWAGGER_UI_STATIC + "/<path:filename>",
        "swagger_ui_static",
        lambda filename: send_from_directory(swagger_ui_path, filename),
    )
    app.register_error_handler(errors.Problem, errors.render_problem)
    request_log.init_app(app)  # first: even a request the JSON guard refuses gets its id
    app.before_request(require_json_body)
    bookmarks.init_app(app, settings)
    app.teardown_request(state.db.end_request)
    state.view_metrics = ViewMetrics(init_metrics(app))
    state.refresher = ViewRefresher(app)
    app.after_request(after_changes)
    return app
