"""JSON log lines, one per request plus whatever else the app logs, each with the request id.

A request's id is the client's ``X-Request-ID`` when it is a short token, otherwise a new
one; the response returns it. The request line holds the method, route, path, status,
duration and, when the caller authenticated, the person id: never a header, a token or a
body. gunicorn.conf.py and ``python app.py`` install :data:`LOGGING`; the app itself never
touches the logging configuration (tests and embedding programs keep theirs).
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from flask import Flask, Response, g, has_request_context, request

REQUEST_ID_HEADER = "X-Request-ID"
# Anything else (too long, spaces, control characters) could forge or break log lines.
_CLIENT_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")

log = logging.getLogger("mutuals.requests")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request": {"()": "backend.request_log.RequestFields"}},
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "{asctime}{levelname}{name}{message}",
            "style": "{",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
            "filters": ["request"],
        }
    },
    "root": {"level": "INFO", "handlers": ["stdout"]},
    "loggers": {
        # gunicorn's own lines (worker boot, timeouts, signals) in the same format.
        "gunicorn.error": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        # The request line is ours (it knows the route and the person); gunicorn's is off.
        "gunicorn.access": {"level": "WARNING", "handlers": [], "propagate": False},
        # The driver logs every retried transaction at WARNING; the app's 503 says enough.
        "neo4j": {"level": "ERROR"},
    },
}


class RequestFields(logging.Filter):
    """Puts the request id (and the person, once known) on every record made in a request."""

    def filter(self, record: logging.LogRecord) -> bool:
        if has_request_context() and "request_id" in g:
            record.request_id = g.request_id
            if "person_id" in g:
                record.person_id = g.person_id
        return True


def init_app(app: Flask) -> None:
    app.before_request(_start)
    app.after_request(_finish)


def _start() -> None:
    client_id = request.headers.get(REQUEST_ID_HEADER, "")
    g.request_id = client_id if _CLIENT_ID.match(client_id) else uuid.uuid4().hex
    g.request_started = time.perf_counter()


def _finish(response: Response) -> Response:
    if "request_id" not in g:  # a before_request hook refused the request before ours ran
        _start()
    response.headers[REQUEST_ID_HEADER] = g.request_id
    fields = {
        "method": request.method,
        "route": request.url_rule.rule if request.url_rule else None,
        "path": request.path,
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - g.request_started) * 1000, 1),
    }
    log.info("request", extra=fields)
    return response
