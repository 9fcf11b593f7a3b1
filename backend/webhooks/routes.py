"""Webhooks: /v1/me/webhooks and their deliveries."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from backend.auth import SECURITY, current_person_id
from backend.pagination import PageArgsSchema
from backend.webhooks import service
from backend.webhooks.schemas import (
    DeliveryPageSchema,
    RedeliverySchema,
    WebhookCreatedSchema,
    WebhookCreateSchema,
    WebhookListSchema,
    WebhookSchema,
    WebhookUpdateSchema,
)

blp = Blueprint(
    "webhooks", __name__, description="Your webhooks: notifications delivered to your endpoints"
)


@blp.route("/v1/me/webhooks")
class Webhooks(MethodView):
    @blp.arguments(WebhookCreateSchema)
    @blp.response(201, WebhookCreatedSchema)
    @blp.alt_response(409, description="You have the most webhooks allowed")
    @blp.doc(security=SECURITY)
    def post(self, body):
        """Register a webhook; the answer holds its signing secret, shown only this once"""
        return service.create(current_person_id(), **body)

    @blp.response(200, WebhookListSchema)
    @blp.doc(security=SECURITY)
    def get(self):
        """Your webhooks (without their secrets)"""
        return service.list_mine(current_person_id())


@blp.route("/v1/me/webhooks/<webhook_id>")
class Webhook(MethodView):
    @blp.response(200, WebhookSchema)
    @blp.alt_response(404, description="No such webhook of yours")
    @blp.doc(security=SECURITY)
    def get(self, webhook_id):
        """One of your webhooks"""
        return service.get(current_person_id(), webhook_id)

    @blp.arguments(WebhookUpdateSchema)
    @blp.response(200, WebhookSchema)
    @blp.alt_response(404, description="No such webhook of yours")
    @blp.doc(security=SECURITY)
    def patch(self, changes, webhook_id):
        """Change a webhook's url or kinds, or enable it again after it was disabled"""
        return service.update(current_person_id(), webhook_id, **changes)

    @blp.response(204)
    @blp.alt_response(404, description="No such webhook of yours")
    @blp.doc(security=SECURITY)
    def delete(self, webhook_id):
        """Delete a webhook and its deliveries"""
        service.delete(current_person_id(), webhook_id)


@blp.route("/v1/me/webhooks/<webhook_id>/deliveries")
class Deliveries(MethodView):
    @blp.arguments(PageArgsSchema, location="query")
    @blp.response(200, DeliveryPageSchema)
    @blp.alt_response(404, description="No such webhook of yours")
    @blp.doc(security=SECURITY)
    def get(self, args, webhook_id):
        """What happened to the webhook's deliveries, newest first, every attempt included"""
        return service.deliveries(current_person_id(), webhook_id, **args)


@blp.route("/v1/me/webhooks/<webhook_id>/deliveries/<delivery_id>/redeliver")
class Redeliver(MethodView):
    @blp.response(202, RedeliverySchema)
    @blp.alt_response(404, description="No such delivery of your webhook")
    @blp.alt_response(409, description="A worker is delivering it right now")
    @blp.doc(security=SECURITY)
    def post(self, webhook_id, delivery_id):
        """Deliver again (same webhook-id), with a new day of retries"""
        return service.redeliver(current_person_id(), webhook_id, delivery_id)
