"""Person shapes shared by every area."""

from marshmallow import Schema, fields


class PersonSummarySchema(Schema):
    """A person as lists show them."""

    id = fields.String(required=True)
    name = fields.String(required=True)
    headline = fields.String(allow_none=True)
    location = fields.String(allow_none=True)
    industry = fields.String(allow_none=True)
    profession = fields.String(allow_none=True)
