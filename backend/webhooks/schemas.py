"""Shapes of webhooks and their deliveries."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

from backend.notifications.kinds import KINDS
from backend.pagination import page_schema
from backend.schemas import StrictBoolean, Text, Timestamp
from backend.webhooks.addresses import URL_MAX


def _kinds() -> fields.List:
    return fields.List(
        fields.String(validate=validate.OneOf(list(KINDS))),
        allow_none=True,
        validate=validate.Length(1, len(KINDS)),
        metadata={"description": "the kinds to deliver; null or absent: every kind"},
    )


def _url(**options) -> Text:
    return Text(
        validate=validate.Length(1, URL_MAX),
        metadata={"description": "https:// on a public address (checked after DNS resolution)"},
        **options,
    )


class WebhookCreateSchema(Schema):
    url = _url(required=True)
    kinds = _kinds()


class WebhookUpdateSchema(Schema):
    url = _url()
    kinds = _kinds()
    enabled = StrictBoolean(metadata={"description": "true re-enables a disabled webhook"})


class WebhookSchema(Schema):
    id = fields.String(required=True)
    url = fields.String(required=True)
    kinds = fields.List(fields.String(), allow_none=True, required=True)
    enabled = fields.Boolean(required=True)
    failures = fields.Integer(required=True, metadata={"description": "failed attempts in a row"})
    created_at = Timestamp(required=True)
    disabled_at = Timestamp(allow_none=True, required=True)


class WebhookCreatedSchema(WebhookSchema):
    secret = fields.String(
        required=True,
        metadata={"description": "whsec_...: verify signatures with it; shown only now"},
    )


class WebhookListSchema(Schema):
    items = fields.List(fields.Nested(WebhookSchema), required=True)


class AttemptSchema(Schema):
    number = fields.Integer(required=True)
    at = Timestamp(required=True)
    outcome = fields.String(
        required=True,
        metadata={"description": "delivered, failed (not 2xx, or no answer), refused (not sent)"},
    )
    status_code = fields.Integer(allow_none=True, required=True)
    error = fields.String(allow_none=True, required=True)
    duration_ms = fields.Integer(required=True)


class DeliverySchema(Schema):
    id = fields.String(required=True, metadata={"description": "the webhook-id header"})
    notification_id = fields.String(required=True)
    kind = fields.String(required=True)
    state = fields.String(required=True, metadata={"description": "pending, delivered or failed"})
    created_at = Timestamp(required=True)
    next_at = Timestamp(allow_none=True, required=True, metadata={"description": "next attempt"})
    attempt_count = fields.Integer(required=True)
    attempts = fields.List(fields.Nested(AttemptSchema), required=True)


DeliveryPageSchema = page_schema(DeliverySchema, "DeliveryPage")


class RedeliverySchema(Schema):
    id = fields.String(required=True)
    state = fields.String(required=True)
