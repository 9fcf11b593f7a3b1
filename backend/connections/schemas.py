"""Shapes of requests, connections, closeness ratings and blocks."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from backend.connections.requests import IGNORE_REASONS
from backend.connections.service import CLOSENESS_LEVELS, SORTS
from backend.pagination import PageArgsSchema, page_schema
from backend.schemas import PersonSummarySchema, Text, Timestamp, Trimmed

NOTE_MAX = 300
ID_MAX = 200


class RequestCreateSchema(Schema):
    to = Text(
        required=True,
        validate=validate.Length(1, ID_MAX),
        metadata={"description": "the id of the person to invite"},
    )
    note = Trimmed(allow_none=True, validate=validate.Length(max=NOTE_MAX))


class IgnoreSchema(Schema):
    reason = fields.String(
        allow_none=True,
        validate=validate.OneOf(IGNORE_REASONS),
        metadata={
            "description": "`dont_know`: I don't know this person (they cannot invite you again)"
        },
    )


class RequestSchema(Schema):
    person = fields.Nested(
        PersonSummarySchema,
        required=True,
        metadata={"description": "the other side of the request"},
    )
    note = fields.String(allow_none=True)
    created_at = Timestamp(required=True)


class ConnectionSchema(Schema):
    person = fields.Nested(PersonSummarySchema, required=True)
    since = Timestamp(required=True)
    closeness = fields.String(allow_none=True, metadata={"description": "your private rating"})


class ClosenessSchema(Schema):
    closeness = fields.String(required=True, validate=validate.OneOf(CLOSENESS_LEVELS))


class ConnectionListArgsSchema(PageArgsSchema):
    sort = fields.String(
        load_default="recent",
        validate=validate.OneOf(SORTS),
        metadata={"description": "`recent` (newest first) or `name`"},
    )


class BlockSchema(Schema):
    person = fields.Nested(PersonSummarySchema, required=True)
    blocked_at = Timestamp(required=True)


RequestPageSchema = page_schema(RequestSchema, "RequestPage")
ConnectionPageSchema = page_schema(ConnectionSchema, "ConnectionPage")
PersonConnectionPageSchema = page_schema(PersonSummarySchema, "PersonConnectionPage")
BlockPageSchema = page_schema(BlockSchema, "BlockPage")
