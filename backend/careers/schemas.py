"""Shapes of positions and education entries."""

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from backend.months import Month
from backend.organizations.schemas import OrganizationRefSchema, OrganizationSummarySchema
from backend.schemas import SHORT_MAX, Trimmed

TITLE_MAX, DESCRIPTION_MAX = 150, 2000


class _NotEmpty(Schema):
    @validates_schema
    def _not_empty(self, data, **kwargs):
        if not data:
            raise ValidationError("Give at least one field to change.")


class PositionFieldsSchema(Schema):
    organization = fields.Nested(OrganizationRefSchema, required=True)
    title = Trimmed(required=True, validate=validate.Length(1, TITLE_MAX))
    start = Month(required=True, metadata={"description": "YYYY-MM", "example": "2021-04"})
    end = Month(
        allow_none=True,
        load_default=None,
        metadata={"description": "YYYY-MM; null or absent: current", "example": None},
    )
    location = Trimmed(allow_none=True, validate=validate.Length(max=SHORT_MAX))
    description = Trimmed(allow_none=True, validate=validate.Length(max=DESCRIPTION_MAX))


class PositionUpdateSchema(_NotEmpty, PositionFieldsSchema):
    """PATCH: only the fields given change; null clears end (current again), location or
    description."""

    organization = fields.Nested(OrganizationRefSchema)
    title = Trimmed(validate=validate.Length(1, TITLE_MAX))
    start = Month()
    end = Month(allow_none=True)


class EducationFieldsSchema(Schema):
    school = fields.Nested(OrganizationRefSchema, required=True)
    degree = Trimmed(allow_none=True, validate=validate.Length(max=SHORT_MAX))
    field = Trimmed(allow_none=True, validate=validate.Length(max=SHORT_MAX))
    start = Month(allow_none=True, metadata={"description": "YYYY-MM"})
    end = Month(allow_none=True, metadata={"description": "YYYY-MM; null: still studying"})


class EducationUpdateSchema(_NotEmpty, EducationFieldsSchema):
    school = fields.Nested(OrganizationRefSchema)


class PositionSchema(Schema):
    id = fields.String(required=True)
    organization = fields.Nested(OrganizationSummarySchema, required=True)
    title = fields.String(required=True)
    start = Month(required=True)
    end = Month(allow_none=True, required=True)
    current = fields.Boolean(required=True)
    location = fields.String(allow_none=True)
    description = fields.String(allow_none=True)


class EducationSchema(Schema):
    id = fields.String(required=True)
    school = fields.Nested(OrganizationSummarySchema, required=True)
    degree = fields.String(allow_none=True)
    field = fields.String(allow_none=True)
    start = Month(allow_none=True, required=True)
    end = Month(allow_none=True, required=True)
    current = fields.Boolean(required=True)


PositionListSchema = Schema.from_dict(
    {"items": fields.List(fields.Nested(PositionSchema), required=True)}, name="PositionList"
)
EducationListSchema = Schema.from_dict(
    {"items": fields.List(fields.Nested(EducationSchema), required=True)}, name="EducationList"
)
