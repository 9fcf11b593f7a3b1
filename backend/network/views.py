"""Network views: the discovery answers of people whose live queries are costly, precomputed
in Neo4j and served a page at a time.

Who gets one: a person whose 2-hop work (the sum of their connections' connections, the rows
a live query reads; ``views.work``) reaches ``Settings.view_threshold``. Everyone else stays
live. A view has three parts, each a ``(:NetworkView {person_id, part})`` node computed by
its live query when it is first read (:mod:`backend.network.refresher`) and written in one
transaction, so that a part nobody reads costs nothing:
- ``second``: the best ``Settings.view_size`` 2nd connections (ids, mutual counts, a sample
  of mutuals), read a page at a time;
- ``suggestions``: the best ``Settings.view_size`` suggestions (ids, scores, mutual counts
  and samples, recommendations), read a page at a time;
- ``counts``: the 1st/2nd/3rd counts (3 hops: by far the costliest to compute).

Freshness (every discovery answer says ``as_of`` and ``from_view``):
- Own changes show at once. Each change to a person's own network bumps their
  ``network_version`` in the same transaction (:func:`own_network_changed`); a part computed
  before it is not served (the live query answers) and is recomputed in the background.
  Requests and dismissals need no recompute: the page queries leave such people out row by
  row, as they leave out anyone connected or blocked, whatever the view's age.
- Others' changes show within ``Settings.view_max_age_s``: a part is due at half that age;
  a due part is still served while one refresh runs in the background, so someone who looks
  at least that often never gets an answer older than the max age (``as_of`` says how old it
  is). ``view_max_age_s = 0`` turns views off: always live.
- Filters and pages past the end of a view (it keeps the best entries only) are answered
  live, with the same cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from flask import Response, g, has_request_context

from backend.app_services import app_services, now
from backend.db import run

# The parts recomputed as soon as their person changes their own network (when they exist):
# the next page is then likely to come from the view again. Counts (3 hops) wait for a read.
EAGER_PARTS = ("second", "suggestions")


def own_network_changed(tx, *person_ids: str) -> None:
    """Call inside the write transaction of a change to these people's own networks (their
    connections, blocks, requests withdrawn, profile): their views stop being served, and
    are recomputed once the request is answered (see :func:`refresh_changed`)."""
    rows = run(
        tx,
        app_services().db.query("views.touch", 1),
        person_ids=list(person_ids),
        parts=list(EAGER_PARTS),
    )
    if has_request_context():
        g.setdefault("views_to_refresh", set()).update(
            (row["id"], part) for row in rows for part in row["parts"]
        )


def forget(tx, person_id: str) -> None:
    """Inside the transaction that deletes ``person_id``: their own view parts go, and every
    other part that lists them (they are computed again when next asked for)."""
    run(tx, app_services().db.query("views.forget_person", 1), person_id=person_id)


def refresh_changed(response: Response) -> Response:
    """After a request (its transaction committed): queue the refresh of the eager parts
    that the views of the people whose own network it changed have."""
    for person_id, part in g.pop("views_to_refresh", ()):
        app_services().refresher.schedule(person_id, part, existing_only=True)
    return response


def live() -> dict:
    """The freshness of an answer computed now (mutuals and paths always are: they cost two
    people's neighbourhoods, not a whole network)."""
    return freshness(now(), from_view=False)


def freshness(as_of: datetime, from_view: bool) -> dict:
    """What a discovery answer says about its age (the API's ``as_of`` and ``from_view``)."""
    return {"as_of": as_of, "from_view": from_view}


def due_before(at: datetime, max_age_s: int) -> datetime:
    """Views computed before this instant are due for a refresh."""
    return at - timedelta(seconds=max_age_s / 2)


def read(
    person_id: str,
    part: str,
    view_query: str,
    limit: int | None,
    compute_live: Callable[[], Any],
    **params,
) -> tuple[Any, dict]:
    """``(answer, freshness)``: from this part of the person's view when it can answer,
    else from ``compute_live()``. ``view_query`` is a ``views.*`` query returning one row
    (``as_of``, ``work`` and, for pages, ``items`` and ``complete``); ``limit`` is the rows a
    page needs (None for a single answer). Schedules a background refresh when the part is
    due, or when there is none and the person is heavy."""
    state = app_services()
    settings, reads, at = state.settings, state.view_metrics.reads, now()
    if not settings.view_max_age_s:
        reads.labels(part, "live").inc()
        return compute_live(), freshness(at, from_view=False)
    extra = {"limit": limit} if limit is not None else {}
    rows = state.db.read(view_query, 1, person_id=person_id, **params, **extra)
    row = rows[0] if rows else None
    if row is None or row["as_of"] is None:
        if row is not None and row["work"] >= settings.view_threshold:
            state.refresher.schedule(person_id, part)
        reads.labels(part, "live").inc()
        return compute_live(), freshness(at, from_view=False)
    if limit is not None and len(row["items"]) < limit and not row["complete"]:
        # The view holds the best entries only, and this page goes past them.
        reads.labels(part, "past_view").inc()
        return compute_live(), freshness(at, from_view=False)
    as_of = row["as_of"].to_native()
    if as_of < due_before(at, settings.view_max_age_s):
        state.refresher.schedule(person_id, part)
    reads.labels(part, "view").inc()
    return (row["items"] if limit is not None else row), freshness(as_of, from_view=True)
