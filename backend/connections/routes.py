"""Connection requests, connections, closeness ratings and blocks."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from backend.api import alternative
from backend.auth import SECURITY, current_person_id
from backend.connections import blocks, requests, service
from backend.connections.schemas import (
    BlockPageSchema,
    ClosenessSchema,
    ConnectionListArgsSchema,
    ConnectionPageSchema,
    ConnectionSchema,
    IgnoreSchema,
    PersonConnectionPageSchema,
    RequestCreateSchema,
    RequestPageSchema,
    RequestSchema,
)
from backend.pagination import PageArgsSchema

blp = Blueprint(
    "connections", __name__, description="Connection requests, connections, closeness and blocks"
)


@blp.route("/v1/me/requests")
class Requests(MethodView):
    @blp.arguments(RequestCreateSchema)
    @blp.response(201, RequestSchema)
    @blp.alt_response(
        200,
        schema=ConnectionSchema,
        description="`to` had already asked you: you are now connected",
    )
    @blp.alt_response(409, description="Already connected, or a request is already pending")
    @blp.alt_response(
        429, description="Request limits or the wait after a withdrawal (see Retry-After)"
    )
    @blp.doc(security=SECURITY)
    def post(self, body):
        """Send someone a connection request"""
        result, connected = requests.send(current_person_id(), **body)
        if connected:
            return alternative(ConnectionSchema(), result, 200)
        return result


@blp.route("/v1/me/requests/incoming")
class IncomingRequests(MethodView):
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, RequestPageSchema)
    @blp.doc(security=SECURITY)
    def get(self, args):
        """Requests waiting for your answer, newest first (ignored ones are gone)"""
        return requests.incoming(current_person_id(), **args)


@blp.route("/v1/me/requests/outgoing")
class OutgoingRequests(MethodView):
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, RequestPageSchema)
    @blp.doc(security=SECURITY)
    def get(self, args):
        """Your requests still pending, newest first"""
        return requests.outgoing(current_person_id(), **args)


@blp.route("/v1/me/requests/outgoing/<person_id>")
class OutgoingRequest(MethodView):
    @blp.response(204)
    @blp.doc(security=SECURITY)
    def delete(self, person_id):
        """Withdraw your request; a new request to the same person then waits"""
        requests.withdraw(current_person_id(), person_id)


@blp.route("/v1/me/requests/incoming/<person_id>/accept")
class AcceptRequest(MethodView):
    @blp.response(201, ConnectionSchema)
    @blp.doc(security=SECURITY)
    def post(self, person_id):
        """Accept a request: the two of you are connected"""
        return requests.accept(current_person_id(), person_id)


@blp.route("/v1/me/requests/incoming/<person_id>/ignore")
class IgnoreRequest(MethodView):
    @blp.arguments(IgnoreSchema)
    @blp.response(204)
    @blp.doc(security=SECURITY)
    def post(self, body, person_id):
        """Ignore a request, silently (the sender still sees it pending); body optional"""
        requests.ignore(current_person_id(), person_id, **body)


@blp.route("/v1/me/connections")
class MyConnections(MethodView):
    @blp.arguments(ConnectionListArgsSchema, location="query")
    @blp.response(200, ConnectionPageSchema)
    @blp.doc(security=SECURITY)
    def get(self, args):
        """Your 1st connections, with your private closeness ratings"""
        return service.list_mine(current_person_id(), **args)


@blp.route("/v1/people/<person_id>/connections")
class PersonConnections(MethodView):
    @blp.arguments(ConnectionListArgsSchema, location="query")
    @blp.response(200, PersonConnectionPageSchema)
    @blp.alt_response(404, description="No such person, or a block stands between you")
    @blp.doc(security=SECURITY)
    def get(self, args, person_id):
        """Someone's 1st connections, as far as their connections_visibility lets you see"""
        return service.list_of(current_person_id(), person_id, **args)


@blp.route("/v1/me/connections/<person_id>")
class MyConnection(MethodView):
    @blp.response(204)
    @blp.doc(security=SECURITY)
    def delete(self, person_id):
        """Remove a connection"""
        service.remove(current_person_id(), person_id)


@blp.route("/v1/me/connections/<person_id>/closeness")
class Closeness(MethodView):
    @blp.arguments(ClosenessSchema)
    @blp.response(200, ConnectionSchema)
    @blp.doc(security=SECURITY)
    def put(self, body, person_id):
        """Rate, privately, how well you know a connection: close, known or acquaintance"""
        return service.rate(current_person_id(), person_id, **body)


@blp.route("/v1/me/blocks")
class Blocks(MethodView):
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, BlockPageSchema)
    @blp.doc(security=SECURITY)
    def get(self, args):
        """The people you blocked, most recent first"""
        return blocks.blocked_by(current_person_id(), **args)


@blp.route("/v1/me/blocks/<person_id>")
class Block(MethodView):
    @blp.response(204)
    @blp.doc(security=SECURITY)
    def put(self, person_id):
        """Block someone: ends your connection, requests and open introductions; hides you
        from each other"""
        blocks.block(current_person_id(), person_id)

    @blp.response(204)
    @blp.doc(security=SECURITY)
    def delete(self, person_id):
        """Unblock (restores nothing)"""
        blocks.unblock(current_person_id(), person_id)
