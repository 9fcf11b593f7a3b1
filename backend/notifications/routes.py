"""The inbox: /v1/me/notifications."""

from __future__ import annotations

from flask.views import MethodView
from flask_smorest import Blueprint

from backend.auth import SECURITY, current_person_id
from backend.notifications import service
from backend.notifications.schemas import (
    InboxArgsSchema,
    MarkReadResultSchema,
    MarkReadSchema,
    NotificationPageSchema,
)

blp = Blueprint("notifications", __name__, description="Your inbox of notifications")


@blp.route("/v1/me/notifications")
class Notifications(MethodView):
    @blp.arguments(InboxArgsSchema, location="query")
    @blp.response(200, NotificationPageSchema)
    @blp.doc(security=SECURITY)
    def get(self, args):
        """Your notifications, newest first, with how many are unread"""
        return service.inbox(current_person_id(), **args)


@blp.route("/v1/me/notifications/read")
class ReadNotifications(MethodView):
    @blp.arguments(MarkReadSchema)
    @blp.response(200, MarkReadResultSchema)
    @blp.alt_response(404, description="up_to is not one of your notifications")
    @blp.doc(security=SECURITY)
    def post(self, body):
        """Mark notifications read: all up to one (`up_to`), or a list (`ids`)"""
        return service.mark_read(current_person_id(), **body)
