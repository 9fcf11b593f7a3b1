"""Recommendations and endorsements at the edge."""

from marshmallow import Schema, fields, validate

from backend.pagination import PageArgsSchema, page_schema
from backend.schemas import PersonSummarySchema, SkillEndorsementsSchema

RELATIONSHIPS = (
    "worked_together",
    "managed",
    "reported_to",
    "client",
    "coach",
    "mentor",
    "studied_together",
    "other",
)
STATES = ("requested", "pending", "accepted", "hidden", "declined")
MAX_TEXT = 3000


class WriteRecommendationSchema(Schema):
    relationship = fields.String(required=True, validate=validate.OneOf(RELATIONSHIPS))
    text = fields.String(required=True, validate=validate.Length(min=1, max=MAX_TEXT))


class AskForRecommendationSchema(Schema):
    message = fields.String(load_default=None, validate=validate.Length(max=300))


class RecommendationSchema(Schema):
    id = fields.String(required=True)
    state = fields.String(required=True, validate=validate.OneOf(STATES))
    relationship = fields.String(allow_none=True)
    text = fields.String(allow_none=True)
    message = fields.String(allow_none=True)
    created_at = fields.DateTime(required=True)
    updated_at = fields.DateTime()
    author = fields.Nested(PersonSummarySchema, required=True)
    subject = fields.Nested(PersonSummarySchema)


class MyRecommendationsArgsSchema(PageArgsSchema):
    role = fields.String(load_default="received", validate=validate.OneOf(("received", "given")))
    state = fields.String(load_default=None, validate=validate.OneOf(STATES))


RecommendationPageSchema = page_schema(RecommendationSchema, "RecommendationPage")


class EndorsementsSchema(Schema):
    items = fields.List(fields.Nested(SkillEndorsementsSchema), required=True)
