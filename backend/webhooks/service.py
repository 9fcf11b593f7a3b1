"""A person's webhooks: register (the secret is shown once), list, change, delete, and what
happened to their deliveries (with a redeliver action)."""

from __future__ import annotations

import uuid
from functools import partial

from backend.app_services import app_services, now
from backend.errors import Conflict, NotFound, Unprocessable
from backend.pagination import newest_first
from backend.webhooks.addresses import RefusedURL, check
from backend.webhooks.signing import new_secret

MAX_WEBHOOKS = 10
# What a webhook shows after its creation: never the secret.
SHOWN = ("id", "url", "kinds", "enabled", "failures", "created_at", "disabled_at")


def _checked_url(url: str) -> str:
    try:
        check(url, app_services().settings.webhooks_allow_local)
    except RefusedURL as error:
        raise Unprocessable("url", str(error)) from None
    return url


def _shown(webhook: dict) -> dict:
    return {key: webhook.get(key) for key in SHOWN}


def create(owner_id: str, *, url: str, kinds: list[str] | None = None) -> dict:
    """The new webhook with its secret: the only time the secret is shown."""
    rows = app_services().db.write(
        "webhooks.create",
        1,
        owner_id=owner_id,
        id=uuid.uuid4().hex,
        url=_checked_url(url),
        kinds=kinds,
        secret=new_secret(),
        max_webhooks=MAX_WEBHOOKS,
        now=now(),
    )
    if not rows:
        raise Conflict(f"You have {MAX_WEBHOOKS} webhooks, the most allowed; delete one first.")
    return {**_shown(rows[0]["webhook"]), "secret": rows[0]["webhook"]["secret"]}


def list_mine(owner_id: str) -> dict:
    rows = app_services().db.read("webhooks.list", 1, owner_id=owner_id)
    return {"items": [_shown(row["webhook"]) for row in rows]}


def get(owner_id: str, webhook_id: str) -> dict:
    rows = app_services().db.read("webhooks.get", 1, owner_id=owner_id, id=webhook_id)
    if not rows:
        raise NotFound("No such webhook.")
    return _shown(rows[0]["webhook"])


def update(owner_id: str, webhook_id: str, **changes) -> dict:
    """Change those of ``url``, ``kinds`` and ``enabled`` given (enabling again clears the
    failure count)."""
    if "url" in changes:
        _checked_url(changes["url"])
    rows = app_services().db.write(
        "webhooks.update", 1, owner_id=owner_id, id=webhook_id, changes=changes
    )
    if not rows:
        raise NotFound("No such webhook.")
    return _shown(rows[0]["webhook"])


def delete(owner_id: str, webhook_id: str) -> None:
    if not app_services().db.write("webhooks.delete", 1, owner_id=owner_id, id=webhook_id)[0][
        "deleted"
    ]:
        raise NotFound("No such webhook.")


def deliveries(owner_id: str, webhook_id: str, *, limit: int, cursor: str | None) -> dict:
    """The webhook's deliveries, newest first, each with every attempt."""
    get(owner_id, webhook_id)
    read = partial(
        app_services().db.read, "webhooks.deliveries", 1, owner_id=owner_id, id=webhook_id
    )
    result = newest_first(read, limit, cursor, lambda row: row["delivery"]["id"])
    result["items"] = [{**row["delivery"], "attempts": row["attempts"]} for row in result["items"]]
    return result


def redeliver(owner_id: str, webhook_id: str, delivery_id: str) -> dict:
    """Queue a delivery again (same webhook-id, so receivers can deduplicate)."""
    rows = app_services().db.write(
        "webhooks.redeliver",
        1,
        owner_id=owner_id,
        id=webhook_id,
        delivery_id=delivery_id,
        now=now(),
    )
    if not rows:
        raise NotFound("No such delivery.")
    if not rows[0]["queued"]:
        raise Conflict("A worker is delivering it right now; look again in a minute.")
    return {"id": delivery_id, "state": "pending"}
