"""Shapes of the LinkedIn identity, the import report and the contacts."""

from flask_smorest.fields import Upload
from marshmallow import Schema, fields, validate

from backend.imports.identity import MAX_EMAILS
from backend.pagination import page_schema
from backend.schemas import Timestamp, Trimmed

URL_MAX, EMAIL_MAX = 300, 254


class IdentitySchema(Schema):
    linkedin_url = Trimmed(
        required=True,
        allow_none=True,
        validate=validate.Length(1, URL_MAX),
        metadata={
            "description": "your LinkedIn profile (any form: scheme, www., a country "
            "subdomain, a trailing slash and a query string do not matter); answered "
            "normalised. null: none",
            "example": "https://www.linkedin.com/in/ana-costa",
        },
    )
    emails = fields.List(
        fields.Email(validate=validate.Length(max=EMAIL_MAX)),
        required=True,
        validate=validate.Length(max=MAX_EMAILS),
        metadata={
            "description": "your addresses: never shown to anyone else, only matched "
            "against the addresses in others' exports",
            "example": ["ana@example.com"],
        },
    )


class ImportFilesSchema(Schema):
    file = fields.List(
        Upload(),
        required=True,
        validate=validate.Length(1, 4),
        metadata={
            "description": "the export's zip as LinkedIn delivers it, or any of "
            "Connections.csv, Positions.csv, Education.csv, Profile.csv (one part each, "
            "all named `file`)"
        },
    )


class ImportArgsSchema(Schema):
    overwrite = fields.Boolean(
        load_default=False,
        metadata={
            "description": "true: the export's profile fields and matching positions and "
            "education replace yours; false (default): only what you have not set is filled"
        },
    )


class ImportReportSchema(Schema):
    files = fields.List(fields.String(), required=True, metadata={"example": ["Connections.csv"]})
    rows_read = fields.Integer(required=True)
    contacts_added = fields.Integer(
        required=True, metadata={"description": "rows not imported before (0: nothing new)"}
    )
    matched_members = fields.Integer(
        required=True, metadata={"description": "members the rows name"}
    )
    connections_made = fields.Integer(
        required=True, metadata={"description": "members who listed you too: connected now"}
    )
    suggestions_added = fields.Integer(
        required=True,
        metadata={"description": "members who have not listed you: suggested, nothing sent"},
    )
    already_connected = fields.Integer(required=True)
    unmatched = fields.Integer(
        required=True, metadata={"description": "rows naming nobody here: private contacts"}
    )
    profile_fields = fields.List(
        fields.String(), required=True, metadata={"description": "profile fields filled"}
    )
    positions_added = fields.Integer(required=True)
    education_added = fields.Integer(required=True)
    skipped = fields.List(
        fields.String(),
        required=True,
        metadata={"description": "rows not used, as file:line: why"},
    )
    summary = fields.String(required=True, metadata={"description": "one line for people"})


class MemberSchema(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)


class ContactSchema(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    first_name = fields.String(allow_none=True)
    last_name = fields.String(allow_none=True)
    url = fields.String(allow_none=True)
    email = fields.String(allow_none=True, metadata={"description": "as your export had it"})
    company = fields.String(allow_none=True)
    position = fields.String(allow_none=True)
    connected_on = fields.Date(allow_none=True)
    imported_at = Timestamp(required=True)
    member = fields.Nested(
        MemberSchema,
        allow_none=True,
        metadata={"description": "the member this row names (null: nobody here yet)"},
    )


ContactPageSchema = page_schema(ContactSchema, "ContactPage")
