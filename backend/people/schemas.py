"""Shapes of the people endpoints: sign-up, profiles, tokens, search."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from webargs.fields import DelimitedList

from backend.careers.schemas import EducationSchema, PositionSchema
from backend.pagination import PageArgsSchema, page_schema
from backend.schemas import (
    HEADLINE_MAX,
    NAME_MAX,
    SHORT_MAX,
    SKILL_MAX,
    SKILLS_MAX,
    SUMMARY_MAX,
    TRAINING_MAX,
    VISIBILITIES,
    CareerFiltersSchema,
    PersonSummarySchema,
    SkillEndorsementsSchema,
    StrictBoolean,
    Timestamp,
    Trimmed,
)


class ProfileFieldsSchema(Schema):
    """The fields a person writes about themselves (sign-up and PATCH /v1/me)."""

    name = Trimmed(validate=validate.Length(1, NAME_MAX))
    headline = Trimmed(allow_none=True, validate=validate.Length(max=HEADLINE_MAX))
    location = Trimmed(allow_none=True, validate=validate.Length(max=SHORT_MAX))
    industry = Trimmed(allow_none=True, validate=validate.Length(max=SHORT_MAX))
    profession = Trimmed(allow_none=True, validate=validate.Length(max=SHORT_MAX))
    skills = fields.List(
        Trimmed(validate=validate.Length(1, SKILL_MAX)), validate=validate.Length(max=SKILLS_MAX)
    )
    summary = Trimmed(allow_none=True, validate=validate.Length(max=SUMMARY_MAX))
    training = Trimmed(allow_none=True, validate=validate.Length(max=TRAINING_MAX))
    connections_visibility = fields.String(
        validate=validate.OneOf(VISIBILITIES),
        metadata={
            "description": "who may list your connections: your 1st connections "
            "(`connections`) or only you (`private`); anyone may always "
            "see the connections they share with you"
        },
    )
    intro_opt_out = StrictBoolean(
        metadata={"description": "true: nobody may ask to be introduced to you"}
    )


class SignUpSchema(ProfileFieldsSchema):
    name = Trimmed(required=True, validate=validate.Length(1, NAME_MAX))


class ExportSchema(Schema):
    format = fields.String(required=True, metadata={"example": "mutuals-export/1"})
    person_id = fields.String(required=True)
    exported_at = fields.DateTime(required=True)
    sections = fields.Dict(
        keys=fields.String(),
        values=fields.List(fields.Dict()),
        required=True,
        metadata={
            "description": "one list per kind of data: profile, connections, requests, blocks, "
            "introductions, recommendations, endorsements, notifications, webhooks (no "
            "secrets), tokens (metadata), dismissed_suggestions, positions, education, targets, "
            "board_shares, board_reads, emails, contacts"
        },
    )


class DeleteAccountSchema(Schema):
    confirm = fields.String(
        required=True,
        validate=validate.Length(max=200),
        metadata={"description": "your own id: deleting an account cannot be undone"},
    )


class ProfileUpdateSchema(ProfileFieldsSchema):
    """PATCH: only the fields given change; null clears an optional field."""

    @validates_schema
    def _not_empty(self, data, **kwargs):
        if not data:
            raise ValidationError("Give at least one field to change.")


class ProfileSchema(PersonSummarySchema):
    """A whole profile."""

    skills = fields.List(fields.String(), required=True)
    summary = fields.String(allow_none=True)
    training = fields.String(allow_none=True)
    connections_visibility = fields.String(required=True)
    intro_opt_out = fields.Boolean(required=True)
    created_at = Timestamp(allow_none=True)
    # Another's profile: how far they are from you (backend/network) ...
    degree = fields.Integer(allow_none=True, metadata={"description": "1, 2, 3 or null (further)"})
    mutual_count = fields.Integer()
    # Work history and schools (backend/careers), current first, then newest first.
    positions = fields.List(fields.Nested(PositionSchema))
    education = fields.List(fields.Nested(EducationSchema))
    # ... and what their connections say of them (backend/recommendations).
    recommendation_count = fields.Integer()
    endorsements = fields.List(fields.Nested(SkillEndorsementsSchema))


class SignedUpSchema(Schema):
    person = fields.Nested(ProfileSchema, required=True)
    token = fields.String(required=True, metadata={"description": "bearer token, shown once"})


class TokenSchema(Schema):
    token = fields.String(required=True, metadata={"description": "bearer token, shown once"})


class TokenInfoSchema(Schema):
    """A token as its owner sees it later: never the secret."""

    id = fields.String(
        required=True, metadata={"description": "names the token for DELETE /v1/me/tokens/{id}"}
    )
    created_at = Timestamp(required=True)
    last_used_at = Timestamp(
        allow_none=True, metadata={"description": "recorded at most once a day; null: never"}
    )
    expires_at = Timestamp(
        required=True, metadata={"description": "MUTUALS_TOKEN_TTL_DAYS after the last use"}
    )
    current = fields.Boolean(
        required=True, metadata={"description": "the token this request was made with"}
    )


TokenPageSchema = page_schema(TokenInfoSchema, "TokenPage")


class SearchArgsSchema(CareerFiltersSchema, PageArgsSchema):
    q = Trimmed(
        validate=validate.Length(max=NAME_MAX),
        metadata={"description": "part of the name, any case"},
    )
    location = Trimmed(validate=validate.Length(max=SHORT_MAX), metadata={"description": "exact"})
    industry = Trimmed(validate=validate.Length(max=SHORT_MAX), metadata={"description": "exact"})
    profession = Trimmed(validate=validate.Length(max=SHORT_MAX), metadata={"description": "exact"})
    skill = Trimmed(validate=validate.Length(max=SKILL_MAX), metadata={"description": "any case"})
    degree = DelimitedList(
        fields.Integer(validate=validate.OneOf((1, 2, 3))),
        validate=validate.Length(min=1, max=3),
        metadata={"description": "only people at these degrees from you, e.g. 1,2"},
    )


class SearchResultSchema(PersonSummarySchema):
    degree = fields.Integer(allow_none=True, metadata={"description": "1, 2, 3 or null (further)"})
    mutual_count = fields.Integer(required=True)


PersonPageSchema = page_schema(SearchResultSchema, "PersonPage")
