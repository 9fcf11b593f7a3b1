"""Network discovery: 2nd connections, mutuals, how you're connected, network size, suggestions.

Distances are counted in the graph of connections without the people blocked either way with
the caller: they never appear, never count as mutuals and no path goes through them. (Two
people who blocked each other have no connection between them, so a path never crosses any
other block either.) The graph work is in ``cypher/queries/network/``; here are the rules:
who may be looked at, cursors, and how a suggestion's score turns into reasons.

The people area calls :func:`relation`, :func:`relations` and :func:`ids_at_degrees`.
"""

from __future__ import annotations

from collections.abc import Iterable

from backend.app_services import app_services, now
from backend.auth import Bearer, authenticated, current_person_id
from backend.db import run
from backend.errors import NotFound, Unprocessable
from backend.network import views
from backend.network.parts import (
    COUNTS,
    MUTUAL_SAMPLE_SIZE,
    SCORE_WEIGHTS,
    SECOND,
    SUGGESTION_POOL_SIZE,
    SUGGESTIONS,
    TIES,
)
from backend.pagination import BY_NAME, CursorError, name_key, paginate
from backend.reasons import reason, together

__all__ = [
    "MUTUAL_SAMPLE_SIZE",
    "SCORE_WEIGHTS",
    "SUGGESTION_POOL_SIZE",
    "TIES",
]  # the rules' constants

MAX_PATHS = 3
SCORE_SCALE = 1000  # points per unit of the score the API shows


def profile_filters(
    location: str | None = None,
    industry: str | None = None,
    profession: str | None = None,
    skill: str | None = None,
) -> dict:
    """The profile filters as the queries take them: blank matches everyone, and the skill is
    compared lower-case (discovery and people search alike)."""
    return {
        "location": location or None,
        "industry": industry or None,
        "profession": profession or None,
        "skill": (skill or "").lower() or None,
    }


def require_visible(tx, viewer_id: str, person_id: str) -> None:
    """NotFound when ``person_id`` does not exist or a block stands between the two."""
    if not run(
        tx,
        app_services().db.query("network.visible_person", 1),
        person_id=viewer_id,
        other_id=person_id,
    ):
        raise NotFound("No such person.")


# -- 2nd connections, mutuals, paths, counts ---------------------------------------------------


def second_degree(
    person_id: str,
    *,
    limit: int,
    cursor: str | None,
    organization: str | None = None,
    title: str | None = None,
    **filters,
) -> dict:
    """People 2 hops away, most mutual connections first (then id), filtered by profile
    (``profile_filters``) and career (there now at ``organization``, with a current title
    containing ``title``, any case; the same stint when both are given, as search filters);
    from the person's network view when it can answer (see views.py), with the same cursors
    either way."""
    career = {"organization": organization or None, "title": (title or "").lower() or None}
    filters, freshness = {**profile_filters(**filters), **career}, {}

    def read(*, limit: int, **after) -> list[dict]:
        def live():
            return app_services().db.read(
                *SECOND.live_query,
                person_id=person_id,
                **filters,
                **after,
                limit=limit,
                **SECOND.params(),
            )

        rows, fresh = views.read(SECOND, person_id, limit, live, **filters, **after)
        freshness.update(fresh)
        return rows

    page = paginate(read, SECOND.order, limit, cursor, key=SECOND.key)
    return {**page, **freshness}


def mutual_connections(
    credential: Bearer, other_id: str, *, limit: int, cursor: str | None
) -> dict:
    """The connections the caller shares with ``other_id``, in name order, whatever the
    other's privacy. The token lookup, the visibility check and the page are one statement."""
    db = app_services().db

    def read(**after) -> list[dict]:
        rows = db.read("network.mutual", 2, **credential.params(), other_id=other_id, **after)
        if authenticated(credential, rows) == other_id:
            raise Unprocessable("person_id", "Those are your own connections.")
        if not rows[0]["visible"]:
            raise NotFound("No such person.")
        return rows[0]["mutuals"]

    try:
        page = paginate(read, BY_NAME, limit, cursor, key=name_key)
    except CursorError:
        current_person_id()  # a bad cursor is an authenticated caller's to hear of (else 401)
        raise
    return {**page, **views.live()}


def path(credential: Bearer, other_id: str) -> dict:
    """Degree (0 for oneself, 1-3, or None) and a few shortest paths from the caller. The
    token lookup, the visibility check and the path are one statement."""
    rows = app_services().db.read(
        "network.path", 3, **credential.params(), target_id=other_id, max_paths=MAX_PATHS
    )
    authenticated(credential, rows)
    if not rows[0]["visible"]:
        raise NotFound("No such person.")
    return {"degree": rows[0]["degree"], "paths": rows[0]["paths"], **views.live()}


def network_counts(person_id: str) -> dict:
    """How many people are 1, 2 and 3 hops away (from the network view when there is one)."""

    def live():
        return app_services().db.read(*COUNTS.live_query, person_id=person_id)[0]

    counts, freshness = views.read(COUNTS, person_id, None, live)
    return {
        "first": counts["first"],
        "second": counts["second"],
        "third": counts["third"],
        **freshness,
    }


# -- for the people area ---------------------------------------------------------------------


def relations(viewer_id: str, person_ids: Iterable[str]) -> dict[str, dict]:
    """``{id: {"degree": 0|1|2|3|None, "mutual_count": n}}`` relative to the viewer, for the
    ids that exist (a page of search results, a profile). Blocked either way: degree None and
    no mutuals. Cost grows with those people's neighbourhoods, not the viewer's network."""
    rows = app_services().db.read("network.relations", 1, person_id=viewer_id, ids=list(person_ids))
    return {
        row["id"]: {"degree": row["degree"], "mutual_count": row["mutual_count"]} for row in rows
    }


def relation(viewer_id: str, person_id: str) -> dict:
    """``{"degree": ..., "mutual_count": ...}`` of one person relative to the viewer (for
    GET /v1/people/{id}); degree None and 0 mutuals when they do not exist."""
    return relations(viewer_id, [person_id]).get(person_id, {"degree": None, "mutual_count": 0})


def ids_at_degrees(viewer_id: str, degrees: Iterable[int]) -> set[str]:
    """The ids of the people at the given degrees (1, 2, 3) from the viewer, for a search
    filter such as ``degree=1,2`` (pass them to the search query as ``p.id IN $ids``).
    Degree 3 of a hub is most of the graph: it is computed only when asked for."""
    wanted = set(degrees)
    rows = app_services().db.read(
        "network.degree_sets", 1, person_id=viewer_id, with_third=3 in wanted
    )
    if not rows:
        return set()
    sets = {1: rows[0]["first"], 2: rows[0]["second"], 3: rows[0]["third"]}
    return {person for degree in wanted & sets.keys() for person in sets[degree]}


# -- suggestions -----------------------------------------------------------------------------


def _reasons(row: dict) -> list[dict]:
    """Why someone is suggested, as ``{code, text}`` (backend/reasons.py)."""
    reasons = []
    if row["linkedin_contact"]:
        reasons.append(reason("linkedin_contact", "Connected on LinkedIn"))
    if count := row["mutual_count"]:
        text = f"{count} mutual connection{'s' if count != 1 else ''}"
        reasons.append(reason("mutual_connections", text))
    for tie in row["worked_together"]:
        reasons.append(reason("worked_together", f"Worked together at {together(tie)}"))
    for tie in row["studied_together"]:
        reasons.append(reason("studied_together", f"Studied together at {together(tie)}"))
    if row["same_location"]:
        reasons.append(reason("location", row["location"]))
    if row["same_industry"]:
        reasons.append(reason("industry", row["industry"]))
    if row["same_profession"]:
        reasons.append(reason("profession", row["profession"]))
    if row["complementary_profession"]:
        reasons.append(reason("complementary_profession", row["profession"]))
    if row["shared_skills"]:
        reasons.append(reason("skills", ", ".join(row["shared_skills"])))
    if count := row["recommended_by"]:
        text = f"Recommended by {count} of your connections"
        reasons.append(reason("recommended_by_connections", text))
    return reasons


def suggestions(person_id: str, *, limit: int, cursor: str | None) -> dict:
    """People you may know, best score first (then id), each with its reasons."""
    freshness = {}

    def read(*, limit: int, **after) -> list[dict]:
        def live():
            return app_services().db.read(
                *SUGGESTIONS.live_query,
                person_id=person_id,
                **after,
                limit=limit,
                **SUGGESTIONS.params(),
            )

        rows, fresh = views.read(SUGGESTIONS, person_id, limit, live, ties=TIES, **after)
        freshness.update(fresh)
        return rows

    # The cursor keeps the exact integer points; the API shows them scaled.
    result = paginate(read, SUGGESTIONS.order, limit, cursor, key=SUGGESTIONS.key)
    result["items"] = [
        {**row, "score": row["score"] / SCORE_SCALE, "reasons": _reasons(row)}
        for row in result["items"]
    ]
    return {**result, **freshness}


def dismiss(person_id: str, other_id: str) -> None:
    """Never suggest ``other_id`` again (idempotent)."""
    if other_id == person_id:
        raise Unprocessable("person_id", "You cannot dismiss yourself.")
    # No view goes stale: view pages leave out the people one has dismissed.
    if not app_services().db.write(
        "network.dismiss", 1, person_id=person_id, other_id=other_id, now=now()
    ):
        raise NotFound("No such person.")
