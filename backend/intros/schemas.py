"""Introduction shapes at the edge: what clients send and what they get back."""

from __future__ import annotations

from datetime import UTC

from marshmallow import Schema, ValidationError, fields, validate, validates_schema
from webargs.fields import DelimitedList

from backend.intros.state import OPEN_STATES, ROLES, STATES
from backend.pagination import PageArgsSchema, page_schema
from backend.reasons import ReasonSchema
from backend.schemas import PersonSummarySchema

MAX_TEXT = 2000
FOLLOW_UP_KINDS = ("call", "coffee", "video", "meeting")
PERSON_ID = validate.Length(min=1, max=200)


def _not_blank(value: str) -> None:
    if not value.strip():
        raise ValidationError("Must not be blank.")


def _text(**kwargs) -> fields.String:
    return fields.String(validate=[validate.Length(max=MAX_TEXT), _not_blank], **kwargs)


class CreateIntroSchema(Schema):
    """Either a request ``{target, broker, message}`` or a broker's ``{between: [a, b], note}``."""

    target = fields.String(validate=PERSON_ID, metadata={"description": "whom you want to meet"})
    broker = fields.String(validate=PERSON_ID, metadata={"description": "your mutual connection"})
    message = _text(metadata={"description": "to the broker: why you want the introduction"})
    between = fields.List(
        fields.String(validate=PERSON_ID),
        validate=validate.Length(equal=2),
        metadata={"description": "two of your connections to introduce"},
    )
    note = _text(metadata={"description": "the introduction note, to both of them"})

    @validates_schema
    def one_shape(self, data, **kwargs):
        asked = {"target", "broker", "message"} & data.keys()
        brokered = {"between", "note"} & data.keys()
        if asked and brokered:
            raise ValidationError(
                "Send either {target, broker, message} or {between, note}.", "between"
            )
        required = ("between", "note") if brokered else ("target", "broker", "message")
        missing = {
            name: ["Missing data for required field."] for name in required if name not in data
        }
        if missing:
            raise ValidationError(missing)


class ForwardSchema(Schema):
    note = _text(required=True, metadata={"description": "the introduction note, to both sides"})


class FollowUpInSchema(Schema):
    kind = fields.String(required=True, validate=validate.OneOf(FOLLOW_UP_KINDS))
    at = fields.AwareDateTime(
        load_default=None,
        default_timezone=UTC,
        metadata={"description": "when it happened or will (default: unknown)"},
    )
    note = fields.String(load_default=None, validate=[validate.Length(max=MAX_TEXT), _not_blank])


class FollowUpSchema(Schema):
    id = fields.String(required=True)
    kind = fields.String(required=True)
    at = fields.DateTime(allow_none=True)
    note = fields.String(allow_none=True)
    recorded_by = fields.String(
        required=True, metadata={"description": "id of the side who recorded it"}
    )
    created_at = fields.DateTime(required=True)


class IntroSideSchema(Schema):
    person = fields.Nested(PersonSummarySchema, required=True)
    role = fields.String(required=True, metadata={"description": "requester or target"})
    accepted_at = fields.DateTime(
        allow_none=True, metadata={"description": "when this side opted in (a requester by asking)"}
    )


class IntroductionSchema(Schema):
    id = fields.String(required=True)
    kind = fields.String(
        required=True, metadata={"description": "requested (asked by a side) or broker"}
    )
    state = fields.String(
        required=True, metadata={"description": "effective state: " + ", ".join(STATES)}
    )
    your_role = fields.String(required=True, metadata={"description": ", ".join(ROLES)})
    broker = fields.Nested(PersonSummarySchema, required=True)
    sides = fields.List(
        fields.Nested(IntroSideSchema),
        required=True,
        metadata={"description": "the two people the introduction connects"},
    )
    message = fields.String(
        allow_none=True,
        metadata={
            "description": "the requester's message to the broker: shown to the two of them "
            "only (null for the target, who reads the broker's note)"
        },
    )
    note = fields.String(
        allow_none=True, metadata={"description": "the broker's introduction note"}
    )
    ended_by = fields.String(
        allow_none=True, metadata={"description": "role that declined or withdrew"}
    )
    created_at = fields.DateTime(required=True)
    updated_at = fields.DateTime(required=True, metadata={"description": "last action"})
    introduced_at = fields.DateTime(allow_none=True)
    accepted_at = fields.DateTime(allow_none=True)
    expires_at = fields.DateTime(
        allow_none=True,
        metadata={"description": "while open: when it expires unless somebody acts"},
    )


class IntroListArgsSchema(PageArgsSchema):
    role = fields.String(load_default=None, validate=validate.OneOf(ROLES))
    state = DelimitedList(
        fields.String(validate=validate.OneOf(STATES)),
        metadata={"description": "comma-separated states, e.g. " + ",".join(OPEN_STATES)},
    )


class BrokerSchema(Schema):
    person = fields.Nested(PersonSummarySchema, required=True)
    reasons = fields.List(fields.Nested(ReasonSchema), required=True)
    forward_rate = fields.Float(
        allow_none=True,
        metadata={
            "description": "share of earlier introduction requests forwarded (null: none decided yet)"
        },
    )
    requests_decided = fields.Integer(required=True)
    median_answer_hours = fields.Float(allow_none=True)
    shared_with_you = fields.Integer(required=True)
    shared_with_target = fields.Integer(required=True)


IntroductionPageSchema = page_schema(IntroductionSchema, "IntroductionPage")
FollowUpPageSchema = page_schema(FollowUpSchema, "FollowUpPage")
BrokerPageSchema = page_schema(BrokerSchema, "BrokerPage")
