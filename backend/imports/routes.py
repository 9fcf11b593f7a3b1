"""Your LinkedIn identity (what others' imports match), importing your export, your contacts."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from backend.auth import SECURITY, current_person_id
from backend.imports import contacts, identity, service
from backend.imports.schemas import (
    ContactPageSchema,
    IdentitySchema,
    ImportArgsSchema,
    ImportFilesSchema,
    ImportReportSchema,
)
from backend.json_body import FILE_ENDPOINTS
from backend.pagination import PageArgsSchema

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


REPORT = {
    "files": ["Connections.csv", "Positions.csv", "Profile.csv"],
    "rows_read": 1712,
    "contacts_added": 1709,
    "matched_members": 41,
    "connections_made": 3,
    "suggestions_added": 38,
    "already_connected": 0,
    "unmatched": 1668,
    "profile_fields": ["headline", "summary"],
    "positions_added": 4,
    "education_added": 0,
    "skipped": ["Connections.csv:1717: no name"],
    "summary": "1709 new contacts, 3 connections made, 38 suggestions added, "
    "2 profile fields set, 4 positions added.",
}


@blp.route("/v1/me/imports")
class MyImports(MethodView):
    @blp.arguments(ImportArgsSchema, location="query")
    @blp.arguments(
        ImportFilesSchema,
        location="files",
        example={"file": ["Basic_LinkedInDataExport_12-05-2026.zip"]},
    )
    @blp.response(200, ImportReportSchema, example=REPORT)
    @blp.alt_response(413, description="The upload is larger than MUTUALS_UPLOAD_MAX_BYTES")
    @blp.alt_response(
        422, description="A malformed file (named as file:line), or no LinkedIn export file"
    )
    @blp.doc(security=SECURITY)
    def post(self, args, files):
        """Import your LinkedIn data export (multipart/form-data, parts named `file`): your
        profile, positions and education fill what you have not set; each connection becomes
        a private contact, and one who is a member becomes a connection when you listed each
        other, else a suggestion (nothing is sent). Importing again adds only what is new
        (docs/import-linkedin.md)"""
        uploads = [(f.filename or "upload", f.read()) for f in files["file"]]
        return service.import_files(current_person_id(), files=uploads, **args)


@blp.route("/v1/me/contacts")
class MyContacts(MethodView):
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, ContactPageSchema)
    @blp.doc(security=SECURITY)
    def get(self, args):
        """Your contacts from LinkedIn imports, by name: private to you"""
        return contacts.contacts(current_person_id(), **args)


@blp.route("/v1/me/contacts/<contact_id>")
class MyContact(MethodView):
    @blp.response(204)
    @blp.alt_response(404, description="You have no contact with this id")
    @blp.doc(security=SECURITY)
    def delete(self, contact_id):
        """Delete a contact (a suggestion that rested on it goes too)"""
        contacts.delete(current_person_id(), contact_id)


FILE_ENDPOINTS.add("imports.MyImports")
