"""Liveness and readiness for load balancers and orchestrators."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import Schema, fields

from backend import migrations
from backend.app_services import app_services
from backend.auth import has_admin_token
from backend.db import map_driver_errors
from backend.errors import ServiceUnavailable

# Orchestrators give a probe about a second; two quick steps fit in it.
READY_BUDGET_S = 0.4

blp = Blueprint("health", __name__, description="Liveness and readiness")


class HealthSchema(Schema):
    status = fields.String(required=True)


class ReadySchema(Schema):
    status = fields.String(required=True)
    # Only with the admin token: the server's address and version help an attacker.
    neo4j = fields.Dict(metadata={"description": "uri, version, edition (admin token only)"})
    migrations = fields.Dict(metadata={"description": "applied, pending (admin token only)"})


@blp.route("/healthz")
class Health(MethodView):
    @blp.response(200, HealthSchema)
    def get(self):
        """The process answers (it does not look at Neo4j)."""
        return {"status": "ok"}


@blp.route("/readyz")
class Ready(MethodView):
    @blp.response(200, ReadySchema)
    @blp.alt_response(503, description="Neo4j unreachable or migrations pending")
    def get(self):
        """Neo4j answers and every migration file is applied. Answers within a second: an
        outage already known answers at once, a new one after one short attempt. With the
        admin token, also Neo4j's address, version and edition and the migrations applied."""
        db = app_services().db
        with db.within(READY_BUDGET_S):
            components = db.read("ops.server_components", 1)
        kernel = next(c for c in components if c["name"] == "Neo4j Kernel")
        try:
            with (
                map_driver_errors(db.outage),
                db.session(connection_acquisition_timeout=READY_BUDGET_S) as session,
            ):
                todo = migrations.pending(session)
        except migrations.MigrationError as error:
            raise ServiceUnavailable(str(error)) from error
        if todo:
            raise ServiceUnavailable(
                "Migrations pending: "
                + ", ".join(m.path.name for m in todo)
                + " (run `mutuals migrate`)."
            )
        if not has_admin_token():
            return {"status": "ready"}
        applied = [m.path.name for m in migrations.discover()]
        return {
            "status": "ready",
            "neo4j": {
                "uri": app_services().settings.neo4j_uri,
                "version": kernel["versions"][0],
                "edition": kernel["edition"],
            },
            "migrations": {"applied": applied, "pending": []},
        }
