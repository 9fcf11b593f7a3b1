"""People: sign-up, admin tokens, profiles (own and others'), account deletion, search."""

from __future__ import annotations

from flask import Response, g, stream_with_context
from flask.views import MethodView
from flask_smorest import Blueprint

from backend.auth import SECURITY, bearer, current_person_id, require_admin
from backend.pagination import PageArgsSchema
from backend.people import export, service
from backend.people.schemas import (
    DeleteAccountSchema,
    ExportSchema,
    PersonPageSchema,
    ProfileSchema,
    ProfileUpdateSchema,
    SearchArgsSchema,
    SignedUpSchema,
    SignUpSchema,
    TokenPageSchema,
    TokenSchema,
)

blp = Blueprint("people", __name__, description="People: sign-up, profiles and search")


@blp.route("/v1/people")
class People(MethodView):
    @blp.arguments(SignUpSchema)
    @blp.response(201, SignedUpSchema)
    @blp.alt_response(429, description="Too many sign-ups from your address (see Retry-After)")
    def post(self, fields):
        """Sign up: the new profile and a bearer token, shown this once"""
        return service.sign_up(**fields)

    @blp.arguments(SearchArgsSchema, location="query")
    @blp.response(200, PersonPageSchema)
    @blp.doc(security=SECURITY)
    def get(self, args):
        """Search people by name part, location, industry, profession and skill (name order)"""
        return service.search(current_person_id(), **args)


@blp.route("/v1/people/<person_id>")
class Person(MethodView):
    @blp.response(200, ProfileSchema)
    @blp.alt_response(404, description="No such person, or a block stands between you")
    @blp.doc(security=SECURITY)
    def get(self, person_id):
        """A profile"""
        return service.profile(bearer(), person_id)


@blp.route("/v1/me")
class Me(MethodView):
    @blp.response(200, ProfileSchema)
    @blp.doc(security=SECURITY)
    def get(self):
        """Your own profile"""
        return service.profile(bearer())

    @blp.arguments(ProfileUpdateSchema)
    @blp.response(200, ProfileSchema)
    @blp.doc(security=SECURITY)
    def patch(self, changes):
        """Change profile fields, connections_visibility or intro_opt_out (null clears a field)"""
        return service.update_profile(current_person_id(), **changes)

    @blp.arguments(DeleteAccountSchema)
    @blp.response(204)
    @blp.doc(security=SECURITY)
    def delete(self, body):
        """Delete your account (confirm with your id): you, your tokens, connections, requests,
        introductions, recommendations, notifications, webhooks, and your id wherever others'
        notifications or network views held it"""
        service.delete_person(current_person_id(), **body)


@blp.route("/v1/me/export")
class MyExport(MethodView):
    @blp.response(200, ExportSchema)
    @blp.alt_response(429, description="Exported too often today (see Retry-After)")
    @blp.doc(security=SECURITY)
    def get(self):
        """Everything held about you, as one JSON document streamed while it is read
        (docs/people.md, "Your data")"""
        chunks = export.start(current_person_id())
        return Response(stream_with_context(chunks), mimetype="application/json")


@blp.route("/v1/me/tokens")
class MyTokens(MethodView):
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, TokenPageSchema)
    @blp.doc(security=SECURITY)
    def get(self, args):
        """Your unexpired tokens, newest first: created, last used, expiry (never the secret)"""
        return service.list_tokens(current_person_id(), current_hash=g.token_hash, **args)


@blp.route("/v1/me/tokens/current")
class CurrentToken(MethodView):
    @blp.response(204)
    @blp.doc(security=SECURITY)
    def delete(self):
        """Log out: revoke the token of this request"""
        current_person_id()
        service.revoke_token_by_hash(g.token_hash)


@blp.route("/v1/me/tokens/<token_id>")
class MyToken(MethodView):
    @blp.response(204)
    @blp.alt_response(404, description="You hold no token with this id")
    @blp.doc(security=SECURITY)
    def delete(self, token_id):
        """Revoke one of your tokens (another device's, say)"""
        service.revoke_token(current_person_id(), token_id)


@blp.route("/v1/admin/people/<person_id>/tokens")
class AdminTokens(MethodView):
    @blp.response(201, TokenSchema)
    @blp.alt_response(404, description="No such person, or no admin token is configured")
    @blp.doc(security=SECURITY)
    def post(self, person_id):
        """Issue a bearer token for an existing (e.g. seeded) person; needs the admin token"""
        require_admin()
        return service.issue_token(person_id)
