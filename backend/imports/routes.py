"""Your LinkedIn identity (what others' imports match), importing your export, your contacts."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from backend.auth import SECURITY, current_person_id
from backend.imports import identity
from backend.imports.schemas import IdentitySchema

blp = Blueprint("imports", __name__, description="LinkedIn: your identity, imports, contacts")

IDENTITY = {"linkedin_url": "https://www.linkedin.com/in/ana-costa", "emails": ["ana@example.com"]}


@blp.route("/v1/me/identity")
class MyIdentity(MethodView):
    @blp.response(200, IdentitySchema, example=IDENTITY)
    @blp.doc(security=SECURITY)
    def get(self):
        """Your LinkedIn profile URL and email addresses (only you see them)"""
        return identity.identity(current_person_id())

    @blp.arguments(IdentitySchema, example=IDENTITY)
    @blp.response(200, IdentitySchema, example=IDENTITY)
    @blp.alt_response(409, description="Another member has this LinkedIn profile")
    @blp.alt_response(422, description="Not a LinkedIn profile URL, or not an address")
    @blp.doc(security=SECURITY)
    def put(self, body):
        """Set your LinkedIn profile URL and email addresses: others' LinkedIn exports that
        list you are matched to you by them (docs/import-linkedin.md)"""
        return identity.set_identity(current_person_id(), **body)
