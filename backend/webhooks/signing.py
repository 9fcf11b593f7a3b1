"""Standard Webhooks signatures (https://www.standardwebhooks.com), with the
``standardwebhooks`` library: a secret per webhook (``whsec_`` + base64 of 24 random bytes),
and the three headers every delivery carries."""

from __future__ import annotations

import base64
import secrets
from datetime import datetime

from standardwebhooks.webhooks import Webhook

SECRET_PREFIX = "whsec_"


def new_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def headers(secret: str, message_id: str, at: datetime, body: str) -> dict[str, str]:
    """``webhook-id`` (the same on every attempt: receivers deduplicate by it),
    ``webhook-timestamp`` (this attempt's, in seconds) and ``webhook-signature``."""
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(at.timestamp())),
        "webhook-signature": Webhook(secret).sign(message_id, at, body),
    }
