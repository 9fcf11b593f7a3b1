"""Network views: the discovery answers of people whose live queries are costly, precomputed
in Neo4j and served a page at a time.

Who gets one: a person whose 2-hop work (the sum of their connections' connections, the rows
a live query reads; ``views.work``) reaches ``Settings.view_threshold``. Everyone else stays
live. A view has the parts declared in :mod:`backend.network.parts`, each a
``(:NetworkView {person_id, part})`` node computed by its live query when it is first read
(:mod:`backend.network.refresher`) and written in one transaction:
- ``second``: 2nd connections (ids, mutual counts, a sample of mutuals), ranked;
- ``suggestions``: suggestions (ids, scores, mutual counts and samples, recommendations), ranked;
- ``counts``: the 1st/2nd/3rd counts (3 hops: by far the costliest to compute).

Freshness (every discovery answer says ``as_of`` and ``from_view``):
- Changes to a person's own network (:func:`changed`, in the write transaction) bump their
  ``network_version``; the ranked parts take the change in by a delta in the same transaction
  (:mod:`backend.network.deltas`) and stay servable; so do the ``counts`` after a connection
  made or removed (an exact shift while it is cheap), otherwise they and the suggestions after
  an own profile change (their scores have profile terms) are answered live until their
  background recompute.
- The views of the two people's connections take the change in shortly after the response
  (a background delta, :func:`after_changes`).
- Requests and dismissals need no delta: the page queries leave such people out row by row.
- What deltas do not keep (docs/views.md: counts, candidates' profile terms) shows within
  ``Settings.view_max_age_s``: a part is due at half that age and still served while one
  refresh runs. ``view_max_age_s = 0`` turns views off: always live.
- Filters and pages past a ranked part's exact entries are answered live, with the same cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from flask import Response, g, has_request_context

from backend.app_services import app_services, now
from backend.db import run
from backend.network import deltas
from backend.network.deltas import Change
from backend.network.parts import Part

# Pairs with a view part that one connect_all transaction takes in exactly, each with its own
# delta (a few index seeks per connection of the two people, about 50 ms at a 2,000-connection
# hub on a loaded machine): more would put the import's batch past the request's database
# budget (MUTUALS_DB_TIMEOUT_S).
EXACT_PAIRS = 3

__all__ = [
    "Change",
    "after_changes",
    "changed",
    "connect_all",
    "forget",
    "freshness",
    "linked",
    "live",
    "read",
]


def changed(
    tx, change: Change, person_id: str, other_id: str | None = None, *, were_connected=False
) -> None:
    """Call inside the write transaction of a change to these people's own networks (a
    connection made or removed, a block, an unblock, a request withdrawn, a profile change):
    their views take it in now; their connections' views once the request is answered
    (:func:`after_changes`). ``were_connected``: a block ended a connection."""
    if change is Change.BLOCKED and were_connected:
        change = Change.DISCONNECTED
    people = [person_id] if other_id is None else [person_id, other_id]
    state = app_services()
    event, recompute = deltas.apply_own(tx, state.db, state.settings.view_size, change, people)
    if has_request_context():
        # A transaction function may run more than once: the last run's event counts.
        pending = g.setdefault("view_changes", {})
        pending[(change, tuple(people))] = (event, recompute)


def connect_all(tx, pairs: list[tuple[str, str]], connect) -> list[tuple[str, str]]:
    """Connect many pairs in this transaction (a LinkedIn import's mutual listings) with
    ``connect(pairs)``, which returns the pairs it connected, and take them in as
    :func:`changed` does each: the pairs of people who have no view part in one statement and
    one touch for all; then each pair with a view part, connected and taken in one after the
    other (its own delta reads the graph of its moment). Past ``EXACT_PAIRS`` pairs with a
    view part, those too join the first statement: their people's parts are left behind the
    version (recomputed on their next read, answered live meanwhile), so the transaction's
    work stays bounded whatever the number of pairs. Returns the pairs connected."""
    state = app_services()
    db, view_size = state.db, state.settings.view_size
    viewed = deltas.with_views(tx, db, sorted({person for pair in pairs for person in pair}))
    exact = [pair for pair in pairs if viewed & set(pair)]
    if len(exact) > EXACT_PAIRS:
        exact = []
    light = [pair for pair in pairs if pair not in exact]
    connected = connect(light) if light else []
    changes = list(zip(connected, deltas.apply_connected(tx, db, connected), strict=True))
    changes = [(pair, event, []) for pair, event in changes]
    for pair in exact:
        if connect([pair]):
            connected.append(pair)
            event, recompute = deltas.apply_own(tx, db, view_size, Change.CONNECTED, list(pair))
            changes.append((pair, event, recompute))
    if has_request_context():
        pending = g.setdefault("view_changes", {})
        for pair, event, recompute in changes:
            pending[(Change.CONNECTED, pair)] = (event, recompute)
    return connected


def linked(tx, pairs: list[tuple[str, str]]) -> None:
    """Call inside the write transaction that matches (or unmatches) LinkedIn contacts between
    these pairs of people (backend/imports): each one's suggestions take the other in now,
    with its ``linkedin_contact`` reason; nothing else changes (deltas.apply_linked)."""
    if pairs:
        state = app_services()
        deltas.apply_linked(tx, state.db, state.settings.view_size, pairs)


def after_changes(response: Response) -> Response:
    """After a request (its transaction committed): queue the neighbours' deltas and the
    recomputes the request's changes need."""
    refresher = app_services().refresher
    for event, recompute in g.pop("view_changes", {}).values():
        refresher.apply_to_neighbours(event)
        for person_id, part in recompute:
            refresher.schedule(person_id, part, existing_only=True)
    return response


def forget(tx, person_id: str) -> dict:
    """Call in the transaction that deletes or erases a person, before their connections go:
    deletes their view, and marks the views of their connections outdated (recomputed on their
    next read: every entry that counted them as a mutual moves). Returns ``{deleted,
    outdated}`` (view parts). Every other view part that still lists them (a 2nd-degree
    list, suggestions) is dropped too: a deleted person's id stays in nobody's view."""
    db = app_services().db
    counts = run(tx, db.query("views.forget", 1), person_id=person_id)[0]
    run(tx, db.query("views.forget_person", 1), person_id=person_id)
    return counts


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
    part: Part,
    person_id: str,
    limit: int | None,
    compute_live: Callable[[], Any],
    **params,
) -> tuple[Any, dict]:
    """``(answer, freshness)``: from this part of the person's view when it can answer,
    else from ``compute_live()``. The part's page query returns one row (``as_of``, ``work``
    and, for pages, ``items``, ``complete`` and ``exact``); ``limit`` is the rows a page needs
    (None for a single answer). Schedules a background refresh when the part is due, when
    there is none and the person is heavy, or when a page went past a ranked part's exact
    entries and deltas have worn them below ``view_size``."""
    state = app_services()
    settings, reads, at = state.settings, state.view_metrics.reads, now()
    if not settings.view_max_age_s:
        reads.labels(part.name, "live").inc()
        return compute_live(), freshness(at, from_view=False)
    extra = {"limit": limit} if limit is not None else {}
    rows = state.db.read(*part.page_query, person_id=person_id, **params, **extra)
    row = rows[0] if rows else None
    if row is None or row["as_of"] is None:
        if row is not None and row["work"] >= settings.view_threshold:
            state.refresher.schedule(person_id, part.name)
        reads.labels(part.name, "live").inc()
        return compute_live(), freshness(at, from_view=False)
    if limit is not None and len(row["items"]) < limit and not row["complete"]:
        # The view holds the best entries only, and this page goes past them: refill when
        # deltas have worn the exact entries down (not for a filter that is merely narrow).
        if row["exact"] < settings.view_size:
            state.refresher.schedule(person_id, part.name)
        reads.labels(part.name, "past_view").inc()
        return compute_live(), freshness(at, from_view=False)
    as_of = row["as_of"].to_native()
    if as_of < due_before(at, settings.view_max_age_s):
        state.refresher.schedule(person_id, part.name)
    reads.labels(part.name, "view").inc()
    return (row["items"] if limit is not None else row), freshness(as_of, from_view=True)
