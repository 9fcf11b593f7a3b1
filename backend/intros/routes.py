"""Introductions over HTTP: brokers for a person, asking, brokering, the state machine,
follow-ups. Rules live in service.py / state.py; see docs/intros.md."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from backend.auth import SECURITY, current_person_id
from backend.intros import brokers, service
from backend.intros.schemas import (
    BrokerPageSchema,
    CreateIntroSchema,
    FollowUpInSchema,
    FollowUpPageSchema,
    FollowUpSchema,
    ForwardSchema,
    IntroductionPageSchema,
    IntroductionSchema,
    IntroListArgsSchema,
)
from backend.pagination import PageArgsSchema

blp = Blueprint("intros", __name__, description="Introductions through mutual connections")

_REFUSALS = {
    403: "your role in this introduction cannot do that",
    404: "no such introduction (or you are not a party to it)",
    409: "the introduction is not in a state that allows it (graph unchanged)",
}


def _refusals(*codes):
    def decorate(view):
        for code in codes:
            view = blp.alt_response(code, description=_REFUSALS[code])(view)
        return view

    return decorate


@blp.route("/v1/people/<person_id>/brokers")
class Brokers(MethodView):
    @blp.doc(security=SECURITY)
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, BrokerPageSchema)
    @blp.alt_response(404, description="no such person, or blocked")
    def get(self, args, person_id):
        """Mutual connections ranked as introducers to this person, each with its reasons."""
        return brokers.rank(current_person_id(), person_id, **args)


@blp.route("/v1/intros")
class Intros(MethodView):
    @blp.doc(security=SECURITY)
    @blp.arguments(CreateIntroSchema)
    @blp.response(201, IntroductionSchema)
    @blp.alt_response(404, description="no such person, or blocked")
    @blp.alt_response(
        409, description="already connected, or an open introduction of the pair exists"
    )
    @blp.alt_response(422, description="broker not connected to both, target opted out, bad fields")
    @blp.alt_response(429, description="too many open introduction requests (see Retry-After)")
    def post(self, body):
        """Ask a mutual connection for an introduction ``{target, broker, message}``, or, as
        the broker, introduce two of your connections ``{between: [a, b], note}``."""
        if "between" in body:
            return service.introduce(current_person_id(), **body)
        return service.request_intro(current_person_id(), **body)


@blp.route("/v1/me/intros")
class MyIntros(MethodView):
    @blp.doc(security=SECURITY)
    @blp.arguments(IntroListArgsSchema, location="query")
    @blp.response(200, IntroductionPageSchema)
    def get(self, args):
        """The introductions you take part in, newest first; filter by your role and state."""
        return service.list_mine(current_person_id(), **args)


@blp.route("/v1/intros/<intro_id>")
class Intro(MethodView):
    @blp.doc(security=SECURITY)
    @blp.response(200, IntroductionSchema)
    @_refusals(404)
    def get(self, intro_id):
        """One introduction, for its parties only."""
        return service.get(current_person_id(), intro_id)


@blp.route("/v1/intros/<intro_id>/forward")
class Forward(MethodView):
    @blp.doc(security=SECURITY)
    @blp.arguments(ForwardSchema)
    @blp.response(200, IntroductionSchema)
    @_refusals(403, 404, 409)
    def post(self, body, intro_id):
        """Broker: forward a request to the target with an introduction note (requested -> introduced).
        409 when the broker is no longer connected to both sides."""
        return service.forward(current_person_id(), intro_id, **body)


@blp.route("/v1/intros/<intro_id>/decline")
class Decline(MethodView):
    @blp.doc(security=SECURITY)
    @blp.response(200, IntroductionSchema)
    @_refusals(403, 404, 409)
    def post(self, intro_id):
        """Decline: the broker while requested, the target while introduced; either side of a
        broker-started introduction."""
        return service.decline(current_person_id(), intro_id)


@blp.route("/v1/intros/<intro_id>/accept")
class Accept(MethodView):
    @blp.doc(security=SECURITY)
    @blp.response(200, IntroductionSchema)
    @_refusals(403, 404, 409)
    def post(self, intro_id):
        """Accept: the target (introduced -> accepted, and the two are connected in the same
        transaction); a broker-started one needs both sides: the second acceptance connects."""
        return service.accept(current_person_id(), intro_id)


@blp.route("/v1/intros/<intro_id>/withdraw")
class Withdraw(MethodView):
    @blp.doc(security=SECURITY)
    @blp.response(200, IntroductionSchema)
    @_refusals(403, 404, 409)
    def post(self, intro_id):
        """Withdraw: whoever started it (the requester, or the broker of a broker-started one),
        while it is open."""
        return service.withdraw(current_person_id(), intro_id)


@blp.route("/v1/intros/<intro_id>/follow-ups")
class FollowUps(MethodView):
    @blp.doc(security=SECURITY)
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, FollowUpPageSchema)
    @_refusals(403, 404)
    def get(self, args, intro_id):
        """The follow-ups of an introduction, newest recorded first (the two sides only)."""
        return service.list_follow_ups(current_person_id(), intro_id, **args)

    @blp.doc(security=SECURITY)
    @blp.arguments(FollowUpInSchema)
    @blp.response(201, FollowUpSchema)
    @_refusals(403, 404, 409)
    def post(self, body, intro_id):
        """Record what came of an accepted introduction: a call, coffee, video chat or meeting."""
        return service.add_follow_up(current_person_id(), intro_id, **body)
