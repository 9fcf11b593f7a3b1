"""Who can introduce me to someone: our mutual connections, ranked as introducers.

The ranking itself is graph work (``intros.brokers``: its header gives the score), so that
analysts running the file get the same order; this module checks who may ask, pages, and
says why each broker ranks where it does.

A broker's closeness ratings are private to the broker: they order the brokers, and nothing
else. No score is returned, no reason is derived from them, and the cursor is a position in
the ranking, not a sort key (a key would carry the score). What the order itself tells is in
docs/intros.md ("What the ranking reveals"). The caller's own rating of the broker is theirs:
it is named, and it orders first, apart from the broker's ratings.
"""

from __future__ import annotations

from datetime import datetime

from backend.app_services import app_services, now
from backend.errors import NotFound, Unprocessable
from backend.intros.state import expires_before
from backend.months import month_of
from backend.network.parts import SCORE_WEIGHTS, TIES
from backend.pagination import CursorError, Order, paginate
from backend.reasons import reason, together

FAST_ANSWER_HOURS = 48  # the query's bonus threshold, named in the reasons


# Best introducer first; the cursor is the position of the next broker in that order.
RANKED = Order("brokers", ("skip",), (int,), (0,))


def rank(person_id: str, target_id: str, *, limit: int, cursor: str | None) -> dict:
    """The mutual connections of the two, best introducer first, each with its reasons."""
    if target_id == person_id:
        raise Unprocessable("person_id", "You need no introduction to yourself.")
    targets = app_services().db.read(
        "intros.broker_target", 1, person_id=person_id, target_id=target_id
    )
    if not targets:
        raise NotFound("No such person.")
    target_name = targets[0]["name"]

    def read(*, skip: int, limit: int) -> list[dict]:
        if skip < 0:
            raise CursorError()
        rows = best(person_id, [target_id], limit=limit, skip=skip).get(target_id, [])
        return [{**row, "next": skip + n} for n, row in enumerate(rows, start=1)]

    result = paginate(read, RANKED, limit, cursor, key=lambda row: (row["next"],))
    result["items"] = [present(row, target_name) for row in result["items"]]
    return result


def best(
    person_id: str,
    target_ids: list[str],
    *,
    limit: int,
    skip: int = 0,
    viewer_id: str | None = None,
) -> dict[str, list[dict]]:
    """Each target's brokers in the ranking's order (up to ``limit`` after ``skip``), as the
    viewer (person_id, or a coach the board is shared with) may see them: one read for them
    all. A target with no broker, or no such person, is absent."""
    if not target_ids:
        return {}
    services, at = app_services(), now()
    rows = services.db.read(
        "intros.brokers",
        5,
        person_id=person_id,
        viewer_id=viewer_id or person_id,
        target_ids=target_ids,
        expires_before=expires_before(at, services.settings.intro_expiry_days),
        **tie_params(at),
        skip=skip,
        limit=limit,
    )
    found: dict[str, list[dict]] = {}
    for row in rows:
        found.setdefault(row["target_id"], []).append(row)
    return found


def tie_params(at: datetime) -> dict:
    """What intros.brokers takes to score broker and target as colleagues or classmates: the
    suggestions' weights and ties (backend/network/parts.py), and the month of ``at``."""
    weights = {kind: SCORE_WEIGHTS[kind] for kind in ("colleague", "classmate")}
    return {"weights": weights, "ties": TIES, "now_month": month_of(at)}


def present(row: dict, target_name: str) -> dict:
    """A broker as the brokers list shows them (``target_name``: whom they would introduce)."""
    forward_rate = row["forwarded"] / row["decided"] if row["decided"] else None
    return {
        "person": row["person"],
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
    if row["vouched_target"]:
        text = f"A recommendation links them with {target_name}"
        found.append(reason("recommendation_target", text))
    for tie in row["worked_with_target"]:
        text = f"Worked with {target_name} at {together(tie)}"
        found.append(reason("worked_with_target", text))
    for tie in row["studied_with_target"]:
        text = f"Studied with {target_name} at {together(tie)}"
        found.append(reason("studied_with_target", text))
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
