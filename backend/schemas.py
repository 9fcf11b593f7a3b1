"""Shapes that several areas share: the person summary every list shows, the field types
that stored text passes through, the limits of profile fields, and a skill's endorsements
(people's profiles show them, recommendations' endorsement lists too). Feature folders import
from here, never from each other's schemas."""

from marshmallow import Schema, fields, validate


class PersonSummarySchema(Schema):
    """A person as lists show them."""

    id = fields.String(required=True)
    name = fields.String(required=True)
    headline = fields.String(allow_none=True)
    location = fields.String(allow_none=True)
    industry = fields.String(allow_none=True)
    profession = fields.String(allow_none=True)


# -- field types ---------------------------------------------------------------------------


class Text(fields.String):
    """A string that can be stored: JSON may carry lone surrogates ("\\ud800") that no
    UTF-8 encoder (and so no Neo4j driver) accepts."""

    default_error_messages = {"unencodable": "Not valid Unicode text."}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            raise self.make_error("unencodable") from None
        return text


class Trimmed(Text):
    """A string with surrounding whitespace removed before it is validated."""

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).strip()


class StrictBoolean(fields.Boolean):
    """JSON true or false only (marshmallow's Boolean also takes "yes", 1, "on", ...)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, bool):
            raise self.make_error("invalid", input=value)
        return value


class Timestamp(fields.DateTime):
    """A datetime read from the graph (``neo4j.time.DateTime``) as ISO 8601."""

    def _serialize(self, value, attr, obj, **kwargs):
        if hasattr(value, "to_native"):
            value = value.to_native()
        return super()._serialize(value, attr, obj, **kwargs)


# -- profile field limits --------------------------------------------------------------------------------

VISIBILITIES = ("connections", "private")
NAME_MAX, SHORT_MAX, HEADLINE_MAX, SUMMARY_MAX, TRAINING_MAX = 100, 100, 220, 2600, 1000
SKILL_MAX, SKILLS_MAX = 60, 50


class CareerFiltersSchema(Schema):
    """Career filters of people lists (search, 2nd connections): one current stint (no end)
    at the organization whose title contains the text, any case."""

    organization = Trimmed(
        validate=validate.Length(max=100),
        metadata={"description": "only people there now: an organization's id (careers)"},
    )
    title = Trimmed(
        validate=validate.Length(max=SHORT_MAX),
        metadata={"description": "only people whose current title contains this, any case"},
    )


class EndorserSchema(Schema):
    id = fields.String(required=True)
    name = fields.String(required=True)
    known = fields.Boolean(required=True, metadata={"description": "one of your 1st connections"})


class SkillEndorsementsSchema(Schema):
    skill = fields.String(required=True)
    count = fields.Integer(required=True)
    endorsed_by_viewer = fields.Boolean(required=True)
    sample = fields.List(fields.Nested(EndorserSchema), required=True)
