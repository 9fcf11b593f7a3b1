"""Who can introduce me to someone: our mutual connections, ranked as introducers.

The ranking itself is graph work (``intros.brokers``: its header gives the score), so that
analysts running the file get the same order; this module checks who may ask, pages, and
says why each broker ranks where it does.

The broker's closeness ratings are private to the broker: they count in the score, but the
reasons only ever say "knows <name> well" (for ``close`` or ``known``), never the level. The
caller's own rating of the broker is theirs, so it is named.
"""

from __future__ import annotations

from functools import partial

from backend.app_services import app_services, now
from backend.errors import NotFound, Unprocessable
from backend.intros.state import expires_before
from backend.pagination import Order, paginate
from backend.reasons import reason

WELL = 2  # closeness points of 'known'; 'close' is 3
FAST_ANSWER_HOURS = 48  # the query's bonus threshold, named in the reasons


# Best introducer first: (score, shared connections, id).
BEST_FIRST = Order(
    "introducer", ("after_score", "after_shared", "after_id"), (float, int, str), (None, None, None)
)


def rank(person_id: str, target_id: str, *, limit: int, cursor: str | None) -> dict:
    """The mutual connections of the two, best introducer first, each with its reasons."""
    if target_id == person_id:
        raise Unprocessable("person_id", "You need no introduction to yourself.")
    services = app_services()
    db, settings = services.db, services.settings
    targets = db.read("intros.broker_target", 1, person_id=person_id, target_id=target_id)
    if not targets:
        raise NotFound("No such person.")
    target_name = targets[0]["name"]
    read = partial(
        db.read,
        "intros.brokers",
        1,
        person_id=person_id,
        target_id=target_id,
        expires_before=expires_before(now(), settings.intro_expiry_days),
    )
    result = paginate(
        read,
        BEST_FIRST,
        limit,
        cursor,
        key=lambda row: (row["score"], row["shared"], row["person"]["id"]),
    )
    result["items"] = [_present(row, target_name) for row in result["items"]]
    return result


def _present(row: dict, target_name: str) -> dict:
    forward_rate = row["forwarded"] / row["decided"] if row["decided"] else None
    return {
        "person": row["person"],
        "score": row["score"],
        "reasons": reasons(row, target_name),
        "forward_rate": forward_rate,
        "requests_decided": row["decided"],
        "median_answer_hours": row["median_answer_hours"],
        "shared_with_you": row["shared_with_you"],
        "shared_with_target": row["shared_with_target"],
    }


def reasons(row: dict, target_name: str) -> list[dict]:
    """Why this broker ranks here, strongest signals first, as ``{code, text}``."""
    found = [reason("mutual_connection", f"1st connection of both you and {target_name}")]
    if row["knows_target"] >= WELL:
        found.append(reason("knows_target_well", f"Knows {target_name} well"))
    if row["knows_you"] >= WELL:
        found.append(reason("knows_you_well", "Knows you well"))
    if row["vouched_target"]:
        text = f"A recommendation links them with {target_name}"
        found.append(reason("recommendation_target", text))
    if row["vouched_you"]:
        found.append(reason("recommendation_you", "A recommendation links them with you"))
    if row["you_rated"]:
        found.append(reason("your_closeness", f"You rated them '{row['you_rated']}'"))
    if row["decided"]:
        text = f"Forwarded {row['forwarded']} of {row['decided']} introduction requests"
        found.append(reason("forward_rate", text))
    if row["median_answer_hours"] is not None:
        hours = row["median_answer_hours"]
        fast = " (fast)" if hours <= FAST_ANSWER_HOURS else ""
        found.append(reason("answer_time", f"Usually answers within {_duration(hours)}{fast}"))
    if row["shared"]:
        text = (
            f"Knows {row['shared_with_you']} of your connections and "
            f"{row['shared_with_target']} of {target_name}'s"
        )
        found.append(reason("shared_connections", text))
    return found


def _duration(hours: float) -> str:
    if hours < 1:
        return "an hour"
    if hours < 48:
        whole = round(hours)
        return f"{whole} hour{'s' if whole != 1 else ''}"
    return f"{round(hours / 24)} days"
