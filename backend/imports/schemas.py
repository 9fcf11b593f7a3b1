"""Shapes of the LinkedIn identity, the import report and the contacts."""

from marshmallow import Schema, fields, validate

from backend.imports.identity import MAX_EMAILS
from backend.schemas import Trimmed

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
