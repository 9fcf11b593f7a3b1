"""Who do I know at X: the people at an organization within your network, and how many.

Distances are those of the rest of discovery (backend/network/service.py): counted without
the people blocked either way with you, who never appear, broker or lie on a path. Whom a
connection of yours knows shows only as a broker here, as a mutual connection does in the
2nd connections, whatever that connection's ``connections_visibility``.

The ranking (degree, then the strength of the best path) is graph work, in
``organizations.people`` (its header gives it); a 2nd-degree person's brokers are those of
``GET /v1/people/{id}/brokers`` (backend/intros/brokers.py), the best three. As there, a
broker's closeness ratings only order: no strength is returned, and the cursor is a position
in the ranking, not a sort key (a key would carry the strength).
"""

from __future__ import annotations

from backend.app_services import app_services, now
from backend.errors import NotFound
from backend.intros import brokers
from backend.intros.state import expires_before
from backend.months import month_of
from backend.pagination import CursorError, Order, paginate

BROKERS_SHOWN = 3
# Nearest and strongest first; the cursor is the position of the next person in that order.
RANKED = Order("organization_people", ("skip",), (int,), (0,))


def people(
    person_id: str,
    organization_id: str,
    *,
    degree: list[int],
    tenure: str,
    limit: int,
    cursor: str | None,
) -> dict:
    """The people there at those degrees from you, nearest and strongest first."""
    services, at = app_services(), now()
    _require(organization_id)

    def read(*, skip: int, limit: int) -> list[dict]:
        if skip < 0:
            raise CursorError()
        rows = services.db.read(
            "organizations.people",
            4,
            person_id=person_id,
            organization_id=organization_id,
            degrees=sorted(set(degree)),
            tenure=tenure,
            expires_before=expires_before(at, services.settings.intro_expiry_days),
            **brokers.tie_params(at),
            skip=skip,
            limit=limit,
        )
        return [{**row, "next": skip + n} for n, row in enumerate(rows, start=1)]

    result = paginate(read, RANKED, limit, cursor, key=lambda row: (row["next"],))
    # The page's 2nd-degree people's brokers: one read for the page, not one per person.
    second = [row["person"]["id"] for row in result["items"] if row["degree"] == 2]
    best = brokers.best(person_id, second, limit=BROKERS_SHOWN)
    this_month = month_of(at)
    result["items"] = [_present(row, best, this_month) for row in result["items"]]
    return result


def counts(person_id: str, organization_id: str) -> dict:
    """``{"first": {"current": n, "former": n}, "second": ..., "third": ...}``."""
    rows = app_services().db.read(
        "organizations.network_counts",
        2,
        person_id=person_id,
        organization_id=organization_id,
    )
    found = {(row["degree"], row["current"]): row["people"] for row in rows}
    return {
        name: {"current": found.get((degree, True), 0), "former": found.get((degree, False), 0)}
        for degree, name in ((1, "first"), (2, "second"), (3, "third"))
    }


def _require(organization_id: str) -> None:
    if not app_services().db.read("organizations.exists", 1, id=organization_id):
        raise NotFound("No such organization.")


def _present(row: dict, best: dict[str, list[dict]], this_month: int) -> dict:
    person = row["person"]
    return {
        "person": person,
        "degree": row["degree"],
        **tenure(row["stints"], this_month),
        "broker_count": row["brokers"],
        "brokers": [brokers.present(b, person["name"]) for b in best.get(person["id"], [])],
    }


def tenure(stints: list[dict], this_month: int) -> dict:
    """Someone's time at one organization from their stints there: ``tenure`` (current when a
    stint has no end), the title of the latest stint (a school's: degree and field), the first
    start, the last end (None while current) and ``years`` (months in all stints / 12, one
    decimal; None when no stint has a start)."""
    latest = max(stints, key=lambda s: (s["end"] is None, s["end"] or 0, s["start"] or 0))
    current = latest["end"] is None
    starts = [s["start"] for s in stints if s["start"] is not None]
    months = sum(
        (s["end"] if s["end"] is not None else this_month) - s["start"] + 1
        for s in stints
        if s["start"] is not None
    )
    title = latest["title"] or " ".join(p for p in (latest["degree"], latest["field"]) if p)
    return {
        "tenure": "current" if current else "former",
        "title": title or None,
        "start": min(starts) if starts else None,
        "end": None if current else latest["end"],
        "years": round(months / 12, 1) if starts else None,
    }
