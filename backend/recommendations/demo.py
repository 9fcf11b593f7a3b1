"""Demo recommendations and endorsements among the demo's showcase people (``mutuals seed demo``).

Fixed ids and dates, MERGEd: running the demo again changes nothing.
"""

from __future__ import annotations

from datetime import UTC, datetime

from backend.db import Database

_AT = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)

# id, author, subject, state, relationship, text or request message
RECOMMENDATIONS = (
    (
        "demo-rec-1",
        "demo-ana",
        "demo-coach",
        "accepted",
        "coach",
        "Maya helped me turn a vague wish to 'do more architecture' into a plan and a new role "
        "in four months. Practical, warm and honest when it mattered.",
    ),
    (
        "demo-rec-2",
        "demo-ben",
        "demo-coach",
        "accepted",
        "coach",
        "Maya prepared our first engineering hires for interviews with us; every one of them said "
        "it was the best preparation they ever had.",
    ),
    (
        "demo-rec-3",
        "demo-ben",
        "demo-farid",
        "accepted",
        "client",
        "Farid steered Brightline through its seed round without a single surprise.",
    ),
    (
        "demo-rec-4",
        "demo-chloe",
        "demo-ana",
        "pending",
        "worked_together",
        "Ana is the engineer designers hope for: she asks why before how.",
    ),
    (
        "demo-rec-5",
        "demo-ana",
        "demo-ben",
        "hidden",
        "worked_together",
        "Ben hires carefully and then trusts people completely.",
    ),
    (
        "demo-rec-6",
        "demo-hugo",
        "demo-chloe",
        "requested",
        None,
        "Would you write a few lines about our work on the design system?",
    ),
)
# endorser, person, skill
ENDORSEMENTS = (
    ("demo-ana", "demo-coach", "Career Development"),
    ("demo-ben", "demo-coach", "Career Development"),
    ("demo-chloe", "demo-coach", "Career Development"),
    ("demo-emma", "demo-coach", "Interview Preparation"),
    ("demo-ben", "demo-coach", "Networking"),
    ("demo-ben", "demo-ana", "Python"),
    ("demo-chloe", "demo-ana", "Distributed Systems"),
    ("demo-farid", "demo-ben", "Fundraising"),
    ("demo-dev", "demo-ben", "Fundraising"),
    ("demo-hugo", "demo-chloe", "Design Systems"),
)


def seed_demo_recommendations(db: Database) -> dict:
    """Recommendations in every state and a few endorsements; returns how many are in place."""
    recommendations = [
        {
            "id": rec_id,
            "author": author,
            "subject": subject,
            "state": state,
            "relationship": relationship,
            "text": None if state == "requested" else text,
            "message": text if state == "requested" else None,
            "at": _AT,
        }
        for rec_id, author, subject, state, relationship, text in RECOMMENDATIONS
    ]
    endorsements = [{"endorser": e, "person": p, "skill": s, "at": _AT} for e, p, s in ENDORSEMENTS]
    return db.write(
        "recommendations.upsert_demo", 1, recommendations=recommendations, endorsements=endorsements
    )[0]
