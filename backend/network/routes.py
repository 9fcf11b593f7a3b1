"""Network discovery: 2nd connections, mutuals, how you're connected, counts, suggestions."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from backend.auth import SECURITY, bearer, current_person_id
from backend.network import service
from backend.network.schemas import (
    MutualPageSchema,
    NetworkCountsSchema,
    PathSchema,
    SecondDegreeArgsSchema,
    SecondDegreePageSchema,
    SuggestionPageSchema,
)
from backend.pagination import PageArgsSchema

blp = Blueprint("network", __name__, description="Network discovery")

NOT_FOUND = "No such person, or a block stands between you"


@blp.route("/v1/me/second-degree")
class SecondDegree(MethodView):
    @blp.arguments(SecondDegreeArgsSchema, location="query")
    @blp.response(200, SecondDegreePageSchema)
    @blp.doc(security=SECURITY)
    def get(self, args):
        """Your 2nd connections, most mutual connections first (then id), with a few mutuals

        For people with large networks the ranking comes from a precomputed network view:
        `as_of` says which instant it reflects and `from_view` whether it came from one.
        Your own changes (connecting, removing, blocking, unblocking) show at once; other
        people's within MUTUALS_VIEW_MAX_AGE. Cursors work the same either way."""
        return service.second_degree(current_person_id(), **args)


@blp.route("/v1/people/<person_id>/mutual")
class Mutual(MethodView):
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, MutualPageSchema)
    @blp.alt_response(404, description=NOT_FOUND)
    @blp.doc(security=SECURITY)
    def get(self, args, person_id):
        """The connections you share with this person (name order), whatever their privacy"""
        return service.mutual_connections(bearer(), person_id, **args)


@blp.route("/v1/people/<person_id>/path")
class Path(MethodView):
    @blp.response(200, PathSchema)
    @blp.alt_response(404, description=NOT_FOUND)
    @blp.doc(security=SECURITY)
    def get(self, person_id):
        """How you're connected: degree and a few shortest paths (up to 3 hops)"""
        return service.path(bearer(), person_id)


@blp.route("/v1/me/network")
class Network(MethodView):
    @blp.response(200, NetworkCountsSchema)
    @blp.doc(security=SECURITY)
    def get(self):
        """How many people are 1, 2 and 3 hops away

        `as_of` and `from_view` as for the 2nd connections."""
        return service.network_counts(current_person_id())


@blp.route("/v1/me/suggestions")
class Suggestions(MethodView):
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, SuggestionPageSchema)
    @blp.doc(security=SECURITY)
    def get(self, args):
        """People you may know: mutuals (weighted as Adamic-Adar) and what you share, with reasons

        `as_of` and `from_view` as for the 2nd connections; someone you dismiss, invite or
        block leaves the list at once."""
        return service.suggestions(current_person_id(), **args)


@blp.route("/v1/me/suggestions/<person_id>/dismiss")
class DismissSuggestion(MethodView):
    @blp.response(204)
    @blp.alt_response(404, description=NOT_FOUND)
    @blp.doc(security=SECURITY)
    def post(self, person_id):
        """Never suggest this person again"""
        service.dismiss(current_person_id(), person_id)
