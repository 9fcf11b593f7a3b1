"""Shapes of the target board, its shares and its read log."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from backend.months import Month
from backend.organizations.schemas import (
    OrganizationRefSchema,
    OrganizationSummarySchema,
    TenureCountsSchema,
)
from backend.pagination import page_schema
from backend.reasons import ReasonSchema
from backend.schemas import PersonSummarySchema, Timestamp, Trimmed
from backend.targets.service import MAX_TARGETS

NOTES_MAX = 2000


class TargetAddSchema(Schema):
    organization = fields.Nested(OrganizationRefSchema, required=True)
    notes = Trimmed(allow_none=True, load_default=None, validate=validate.Length(max=NOTES_MAX))


class TargetUpdateSchema(Schema):
    position = fields.Integer(
        validate=validate.Range(1, MAX_TARGETS),
        metadata={"description": "its new place, 1 = first (past the end: last)"},
    )
    notes = Trimmed(allow_none=True, validate=validate.Length(max=NOTES_MAX))

    @validates_schema
    def _not_empty(self, data, **kwargs):
        if not data:
            raise ValidationError("Give position or notes.")


class TargetSchema(Schema):
    organization = fields.Nested(OrganizationSummarySchema, required=True)
    position = fields.Integer(required=True, metadata={"description": "1 = first"})
    notes = fields.String(allow_none=True, required=True)
    added_at = Timestamp(required=True)


class NetworkAtTargetSchema(Schema):
    first = fields.Nested(TenureCountsSchema, required=True)
    second = fields.Nested(TenureCountsSchema, required=True)


class TargetPathSchema(Schema):
    person = fields.Nested(PersonSummarySchema, required=True)
    degree = fields.Integer(required=True, metadata={"description": "1 or 2 from the seeker"})
    title = fields.String(allow_none=True, required=True)
    start = Month(allow_none=True, required=True, metadata={"description": "first start there"})
    years = fields.Float(allow_none=True, required=True)
    broker = fields.Nested(
        PersonSummarySchema,
        allow_none=True,
        required=True,
        metadata={"description": "2nd degree: who can introduce (null: a 1st connection)"},
    )
    reasons = fields.List(fields.Nested(ReasonSchema), required=True)


class BoardItemSchema(TargetSchema):
    network = fields.Nested(
        NetworkAtTargetSchema,
        required=True,
        metadata={"description": "people there 1 and 2 hops away: now (current) and alumni"},
    )
    paths = fields.List(
        fields.Nested(TargetPathSchema),
        required=True,
        metadata={"description": "the best 3 ways in: people there now, nearest and strongest"},
    )


BoardSchema = Schema.from_dict(
    {"items": fields.List(fields.Nested(BoardItemSchema), required=True)}, name="TargetBoard"
)


class ShareSchema(Schema):
    person = fields.Nested(PersonSummarySchema, required=True)
    since = Timestamp(required=True)
    active = fields.Boolean(
        required=True,
        metadata={"description": "they can read it now: still connected, no block between you"},
    )


ShareListSchema = Schema.from_dict(
    {"items": fields.List(fields.Nested(ShareSchema), required=True)}, name="BoardShareList"
)


class SharedBoardSchema(Schema):
    person = fields.Nested(PersonSummarySchema, required=True)
    since = Timestamp(required=True)
    targets = fields.Integer(required=True)


SharedBoardListSchema = Schema.from_dict(
    {"items": fields.List(fields.Nested(SharedBoardSchema), required=True)},
    name="SharedBoardList",
)


class BoardReadSchema(Schema):
    id = fields.String(required=True)
    reader = fields.Nested(PersonSummarySchema, required=True)
    at = Timestamp(required=True)


BoardReadPageSchema = page_schema(BoardReadSchema, "BoardReadPage")
