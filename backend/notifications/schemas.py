"""Shapes of the inbox."""

from __future__ import annotations

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from backend.notifications.kinds import KINDS
from backend.pagination import PageArgsSchema, page_schema
from backend.schemas import PersonSummarySchema, Text, Timestamp

ID_MAX = 100
MAX_IDS = 100


class InboxArgsSchema(PageArgsSchema):
    unread = fields.Boolean(
        load_default=False, metadata={"description": "`true`: unread notifications only"}
    )


class NotificationSchema(Schema):
    id = fields.String(required=True)
    kind = fields.String(
        required=True, validate=validate.OneOf(list(KINDS)), metadata={"enum": list(KINDS)}
    )
    created_at = Timestamp(required=True)
    read_at = Timestamp(allow_none=True, required=True, metadata={"description": "null: unread"})
    actor = fields.Nested(
        PersonSummarySchema,
        allow_none=True,
        required=True,
        metadata={"description": "who did it (null for notices such as an expiry)"},
    )
    data = fields.Dict(
        required=True,
        metadata={"description": "the ids and facts of this kind (docs/notifications.md)"},
    )


NotificationPageSchema = page_schema(
    NotificationSchema,
    "NotificationPage",
    unread_count=fields.Integer(
        required=True, metadata={"description": "all your unread notifications, not the page's"}
    ),
)


class MarkReadSchema(Schema):
    up_to = Text(
        validate=validate.Length(1, ID_MAX),
        metadata={"description": "mark this notification and every older one read"},
    )
    ids = fields.List(
        Text(validate=validate.Length(1, ID_MAX)),
        validate=validate.Length(1, MAX_IDS),
        metadata={"description": "mark these notifications read (ids not yours are ignored)"},
    )

    @validates_schema
    def one_of(self, data, **kwargs):
        if ("up_to" in data) == ("ids" in data):
            raise ValidationError("Give either up_to or ids.", "up_to")


class MarkReadResultSchema(Schema):
    marked = fields.Integer(required=True, metadata={"description": "how many became read"})
    unread_count = fields.Integer(required=True)
