"""Why the API suggests or ranks someone: one shape, ``{code, text}``, for suggestions
(``backend/network/service.py``) and brokers (``backend/intros/brokers.py``)."""

from __future__ import annotations

from marshmallow import Schema, fields, validate

SUGGESTION_CODES = (
    "mutual_connections",
    "location",
    "industry",
    "profession",
    "complementary_profession",
    "skills",
    "recommended_by_connections",
    "linkedin_contact",
)
BROKER_CODES = (
    "mutual_connection",
    "recommendation_target",
    "recommendation_you",
    "your_closeness",
    "forward_rate",
    "answer_time",
    "shared_connections",
)

TARGET_CODES = ("first_connection",)  # a path into a target company through no broker


def reason(code: str, text: str) -> dict:
    return {"code": code, "text": text}


class ReasonSchema(Schema):
    code = fields.String(
        required=True,
        validate=validate.OneOf(SUGGESTION_CODES + BROKER_CODES + TARGET_CODES),
        metadata={
            "description": "stable, for programs. Suggestions: "
            + ", ".join(SUGGESTION_CODES)
            + ". Brokers: "
            + ", ".join(BROKER_CODES)
            + ". Target boards' paths: "
            + ", ".join(TARGET_CODES),
        },
    )
    text = fields.String(required=True, metadata={"description": "for people"})
