"""Recommendations (people vouch for each other's services) and skill endorsements."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from backend.auth import SECURITY, current_person_id
from backend.network.routes import NOT_FOUND
from backend.pagination import PageArgsSchema
from backend.recommendations import service
from backend.recommendations.schemas import (
    AskForRecommendationSchema,
    EndorsementsSchema,
    MyRecommendationsArgsSchema,
    RecommendationPageSchema,
    RecommendationSchema,
    WriteRecommendationSchema,
)

blp = Blueprint(
    "recommendations",
    __name__,
    description="Recommendations and skill endorsements between 1st connections",
)


@blp.route("/v1/people/<person_id>/recommendations")
class PersonRecommendations(MethodView):
    @blp.doc(security=SECURITY)
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, RecommendationPageSchema)
    @blp.alt_response(404, description=NOT_FOUND)
    def get(self, args, person_id):
        """The person's accepted (visible) recommendations, newest first."""
        return service.visible_for(current_person_id(), person_id, **args)

    @blp.doc(security=SECURITY)
    @blp.arguments(WriteRecommendationSchema)
    @blp.response(201, RecommendationSchema)
    def post(self, body, person_id):
        """Write a recommendation for a 1st connection (pending until they accept it)."""
        return service.write(current_person_id(), person_id, **body)


@blp.route("/v1/people/<person_id>/recommendation-requests")
class AskForRecommendation(MethodView):
    @blp.doc(security=SECURITY)
    @blp.arguments(AskForRecommendationSchema)
    @blp.response(201, RecommendationSchema)
    def post(self, body, person_id):
        """Ask a 1st connection to recommend you (state `requested`)."""
        return service.ask(current_person_id(), person_id, **body)


@blp.route("/v1/me/recommendations")
class MyRecommendations(MethodView):
    @blp.doc(security=SECURITY)
    @blp.arguments(MyRecommendationsArgsSchema, location="query")
    @blp.response(200, RecommendationPageSchema)
    def get(self, args):
        """Recommendations you received (`role=received`) or gave (`role=given`), by state."""
        return service.list_mine(current_person_id(), **args)


@blp.route("/v1/me/recommendations/<rec_id>")
class MyRecommendation(MethodView):
    @blp.doc(security=SECURITY)
    @blp.response(200, RecommendationSchema)
    def get(self, rec_id):
        """One recommendation you wrote or received."""
        return service.get(current_person_id(), rec_id)


@blp.route("/v1/me/recommendations/<rec_id>/accept")
class AcceptRecommendation(MethodView):
    @blp.doc(security=SECURITY)
    @blp.response(200, RecommendationSchema)
    def post(self, rec_id):
        """Accept a pending recommendation (subject): it shows on your profile."""
        return service.act(current_person_id(), rec_id, "accept")


@blp.route("/v1/me/recommendations/<rec_id>/hide")
class HideRecommendation(MethodView):
    @blp.doc(security=SECURITY)
    @blp.response(200, RecommendationSchema)
    def post(self, rec_id):
        """Hide an accepted recommendation from your profile (subject)."""
        return service.act(current_person_id(), rec_id, "hide")


@blp.route("/v1/me/recommendations/<rec_id>/show")
class ShowRecommendation(MethodView):
    @blp.doc(security=SECURITY)
    @blp.response(200, RecommendationSchema)
    def post(self, rec_id):
        """Show a hidden recommendation on your profile again (subject)."""
        return service.act(current_person_id(), rec_id, "show")


@blp.route("/v1/me/recommendations/<rec_id>/decline")
class DeclineRecommendation(MethodView):
    @blp.doc(security=SECURITY)
    @blp.response(200, RecommendationSchema)
    def post(self, rec_id):
        """Decline: the author a request to write one, the subject a pending recommendation."""
        return service.act(current_person_id(), rec_id, "decline")


@blp.route("/v1/me/recommendations/<rec_id>/fulfil")
class FulfilRecommendation(MethodView):
    @blp.doc(security=SECURITY)
    @blp.arguments(WriteRecommendationSchema)
    @blp.response(200, RecommendationSchema)
    def post(self, body, rec_id):
        """Write the recommendation you were asked for (author); it becomes pending."""
        return service.act(current_person_id(), rec_id, "fulfil", **body)


@blp.route("/v1/people/<person_id>/endorsements")
class Endorsements(MethodView):
    @blp.doc(security=SECURITY)
    @blp.response(200, EndorsementsSchema)
    @blp.alt_response(404, description=NOT_FOUND)
    def get(self, person_id):
        """Endorsement counts per skill, with endorsers you know first."""
        return {"items": service.endorsements(current_person_id(), person_id)}


@blp.route("/v1/people/<person_id>/skills/<skill>/endorsement")
class Endorsement(MethodView):
    @blp.doc(security=SECURITY)
    @blp.response(204)
    def put(self, person_id, skill):
        """Endorse a skill on a 1st connection's profile (idempotent)."""
        service.endorse(current_person_id(), person_id, skill=skill)

    @blp.doc(security=SECURITY)
    @blp.response(204)
    def delete(self, person_id, skill):
        """Withdraw your endorsement of that skill."""
        service.unendorse(current_person_id(), person_id, skill=skill)
