"""The kinds of notification, and what each one's ``data`` holds (docs/notifications.md)."""

from __future__ import annotations

# kind -> the ids and facts in its data (besides the actor, who did it).
KINDS: dict[str, str] = {
    "connection.requested": "person_id (the sender: accept or ignore with it), note",
    "connection.accepted": "person_id (the new connection)",
    "introduction.requested": "introduction_id, target_id: you are asked to broker",
    "introduction.forwarded": "introduction_id: you are introduced (accept or decline)",
    "introduction.accepted": "introduction_id, state (accepted once both sides are in)",
    "introduction.declined": "introduction_id",
    "introduction.expiring": "introduction_id, expires_at (in 3 days)",
    "introduction.expired": "introduction_id, expired_at",
    "introduction.follow_up": "introduction_id, follow_up_id, follow_up_kind, at",
    "recommendation.requested": "recommendation_id: write it (or decline)",
    "recommendation.received": "recommendation_id: accept it (or decline)",
    "endorsement.received": "skill",
    "target.position_started": "person_id (the connection), organization_id, position_id",
    "linkedin.contact_joined": "person_id (a contact from your LinkedIn export): they joined, "
    "or added the URL or address your export has; they are among your suggestions",
    "linkedin.connected": "person_id: you listed each other in your LinkedIn exports, so you "
    "are connected",
    "webhook.disabled": "webhook_id, url: it failed too often; re-enable it with PATCH",
}
