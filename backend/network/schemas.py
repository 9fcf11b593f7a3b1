"""Shapes of the discovery endpoints: 2nd connections, mutuals, paths, counts, suggestions."""

from marshmallow import Schema, fields, validate

from backend.pagination import PageArgsSchema, page_schema
from backend.reasons import ReasonSchema
from backend.schemas import (
    SHORT_MAX,
    SKILL_MAX,
    CareerFiltersSchema,
    PersonSummarySchema,
    Trimmed,
)


class PersonRefSchema(Schema):
    """A person named in passing: a mutual in a sample, a step on a path."""

    id = fields.String(required=True)
    name = fields.String(required=True)


class SecondDegreeArgsSchema(CareerFiltersSchema, PageArgsSchema):
    """Filters combine (AND); location, industry and profession match exactly, skill in any case;
    organization and title as in people search (one current stint matching both)."""

    location = Trimmed(validate=validate.Length(max=SHORT_MAX))
    industry = Trimmed(validate=validate.Length(max=SHORT_MAX))
    profession = Trimmed(validate=validate.Length(max=SHORT_MAX))
    skill = Trimmed(validate=validate.Length(max=SKILL_MAX))


class SecondDegreeSchema(PersonSummarySchema):
    mutual_count = fields.Integer(required=True)
    mutual_sample = fields.List(
        fields.Nested(PersonRefSchema),
        required=True,
        metadata={"description": "a few of the mutual connections, by id"},
    )
    pending = fields.Boolean(
        required=True, metadata={"description": "you have a pending request to them"}
    )


def freshness() -> dict[str, fields.Field]:
    """What every answer computed from the whole neighbourhood says about its age."""
    return {
        "as_of": fields.DateTime(
            required=True,
            metadata={
                "description": "the instant the ranking reflects: now when computed live, else when "
                "the network view was computed (your own changes always show at once; "
                "others' within MUTUALS_VIEW_MAX_AGE)"
            },
        ),
        "from_view": fields.Boolean(
            required=True,
            metadata={
                "description": "answered from your precomputed network view (people with large "
                "networks), not live"
            },
        ),
    }


SecondDegreePageSchema = page_schema(SecondDegreeSchema, "SecondDegreePage", **freshness())
MutualPageSchema = page_schema(PersonSummarySchema, "MutualPage", **freshness())


PathSchema = Schema.from_dict(
    {
        "degree": fields.Integer(
            required=True,
            allow_none=True,
            metadata={"description": "0 for yourself, 1, 2, 3; null beyond 3 hops"},
        ),
        "paths": fields.List(
            fields.List(fields.Nested(PersonRefSchema)),
            required=True,
            metadata={"description": "a few shortest paths, each from you to them"},
        ),
        **freshness(),
    },
    name="Path",
)


NetworkCountsSchema = Schema.from_dict(
    {
        "first": fields.Integer(required=True, metadata={"description": "1st connections"}),
        "second": fields.Integer(required=True, metadata={"description": "people 2 hops away"}),
        "third": fields.Integer(required=True, metadata={"description": "people 3 hops away"}),
        **freshness(),
    },
    name="NetworkCounts",
)


class SuggestionSchema(PersonSummarySchema):
    score = fields.Float(required=True)
    mutual_count = fields.Integer(required=True)
    mutual_sample = fields.List(fields.Nested(PersonRefSchema), required=True)
    reasons = fields.List(fields.Nested(ReasonSchema), required=True)


SuggestionPageSchema = page_schema(SuggestionSchema, "SuggestionPage", **freshness())
