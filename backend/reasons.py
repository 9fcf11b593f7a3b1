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
    "worked_together",
    "studied_together",
)
BROKER_CODES = (
    "mutual_connection",
    "recommendation_target",
    "worked_with_target",
    "studied_with_target",
    "recommendation_you",
    "your_closeness",
    "forward_rate",
    "answer_time",
    "shared_connections",
)

TARGET_CODES = ("first_connection",)  # a path into a target company through no broker


def reason(code: str, text: str) -> dict:
    return {"code": code, "text": text}


def together(tie: dict) -> str:
    """Where and when two people overlapped, for the worked/studied together reasons:
    "Acme, 2019–2021", "Acme since 2019" (both still there), "Acme, 2019" (within a year);
    ``tie`` holds the organization's ``name`` and the first and last month together (``from``,
    ``to``: year * 12 + month - 1, ``to`` None while ongoing)."""
    first = tie["from"] // 12
    if tie["to"] is None:
        return f"{tie['name']} since {first}"
    last = tie["to"] // 12
    return f"{tie['name']}, {first}" if first == last else f"{tie['name']}, {first}–{last}"


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
