"""Your contacts: the rows of your LinkedIn imports, private to you (GET /v1/me/contacts,
DELETE /v1/me/contacts/{id}); in your data export, deleted with your account."""

from __future__ import annotations

from functools import partial

from backend.app_services import app_services
from backend.db import run
from backend.errors import NotFound
from backend.network.views import linked
from backend.pagination import BY_NAME, name_key, paginate


def contacts(person_id: str, *, limit: int, cursor: str | None) -> dict:
    """Name order (any case, then id); each with the member it names, if any."""
    read = partial(app_services().db.read, "imports.contacts", 1, person_id=person_id)
    result = paginate(read, BY_NAME, limit, cursor, key=lambda row: name_key(row["contact"]))
    result["items"] = [_native(row["contact"]) for row in result["items"]]
    return result


def _native(contact: dict) -> dict:
    if contact["connected_on"] is not None:  # the driver's Date: the API's ISO date
        contact["connected_on"] = contact["connected_on"].to_native()
    return contact


def delete(person_id: str, contact_id: str) -> None:
    """Delete one contact; the member it named is no longer listed by you (a suggestion
    that rested on it goes, in both people's views)."""
    db = app_services().db

    def work(tx):
        rows = run(tx, db.query("imports.delete_contact", 1), person_id=person_id, id=contact_id)
        if not rows:
            raise NotFound("You have no contact with this id.")
        if (member := rows[0]["member_id"]) is not None:
            linked(tx, [(person_id, member)])

    db.write_tx(work)
