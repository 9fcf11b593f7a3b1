"""1st connections (CONNECTED_TO): lists, removal and private closeness ratings.

Who may list whose connections: yourself, always all of them; someone else sees all of them
when your ``connections_visibility`` is ``connections`` and they are one of your 1st
connections, otherwise only the connections they share with you. A block either way makes
the list 404, and blocked people never appear in anyone's view of a list.
"""

from __future__ import annotations

from functools import partial

from backend.app_services import app_services, now
from backend.connections.pair import visible_state
from backend.db import run
from backend.errors import NotFound
from backend.network.views import Change, changed
from backend.pagination import BY_NAME, name_key, newest_first, paginate, person_id_of

CLOSENESS_LEVELS = ("close", "known", "acquaintance")
SORTS = ("recent", "name")


def list_mine(person_id: str, *, sort: str, limit: int, cursor: str | None) -> dict:
    """My connections, newest first or by name."""
    return _list(person_id, person_id, False, sort, limit, cursor)


def list_of(viewer_id: str, owner_id: str, *, sort: str, limit: int, cursor: str | None) -> dict:
    """Someone's connections (the people only: closeness ratings are the owner's own), as far
    as their connections_visibility lets the viewer see."""
    if viewer_id == owner_id:
        page = list_mine(owner_id, sort=sort, limit=limit, cursor=cursor)
    else:
        rows = app_services().db.read(
            "connections.pair_state", 1, person_id=viewer_id, other_id=owner_id
        )
        if not rows or rows[0]["blocked"]:
            raise NotFound("No such person.")
        state = rows[0]
        sees_all = state["other_visibility"] == "connections" and state["connected"]
        page = _list(viewer_id, owner_id, not sees_all, sort, limit, cursor)
    return {**page, "items": [row["person"] for row in page["items"]]}


def _list(
    viewer_id: str, owner_id: str, shared_only: bool, sort: str, limit: int, cursor: str | None
) -> dict:
    db, whose = (
        app_services().db,
        dict(viewer_id=viewer_id, owner_id=owner_id, shared_only=shared_only),
    )
    if sort == "name":
        read = partial(db.read, "connections.list_by_name", 1, **whose)
        return paginate(read, BY_NAME, limit, cursor, key=lambda row: name_key(row["person"]))
    read = partial(db.read, "connections.list_recent", 1, **whose)
    return newest_first(read, limit, cursor, person_id_of)


def remove(person_id: str, other_id: str) -> None:
    """Either side may remove a connection; both closeness ratings go with it."""
    db = app_services().db

    def work(tx):
        if not visible_state(tx, person_id, other_id)["connected"]:
            raise NotFound("You are not connected to this person.")
        run(
            tx, db.query("connections.remove_connection", 1), person_id=person_id, other_id=other_id
        )
        changed(tx, Change.DISCONNECTED, person_id, other_id)

    db.write_tx(work)


def rate(person_id: str, other_id: str, *, closeness: str) -> dict:
    """My private rating of how well I know a connection."""
    db, at = app_services().db, now()

    def work(tx):
        if not visible_state(tx, person_id, other_id)["connected"]:
            raise NotFound("You are not connected to this person.")
        return run(
            tx,
            db.query("connections.set_closeness", 1),
            person_id=person_id,
            other_id=other_id,
            level=closeness,
            now=at,
        )[0]

    return db.write_tx(work)
