"""People: sign-up, profiles, account deletion and search.

Profiles are looked up relative to a viewer: a block (either way) makes a person not found,
exactly like a person who does not exist.
"""

from __future__ import annotations

import uuid
from functools import partial

from backend.app_services import app_services, now
from backend.auth import Bearer, authenticated
from backend.careers import service as careers
from backend.db import run
from backend.errors import NotFound, Unprocessable
from backend.imports import identity
from backend.network import service as network
from backend.network.parts import PROFILE_SCORED
from backend.network.views import Change, changed, forget
from backend.pagination import BY_NAME, name_key, newest_first, paginate
from backend.recommendations import service as recommendations
from backend.tokens import new_token

DEFAULT_VISIBILITY = "connections"


def _clean(fields: dict) -> dict:
    """Blank optional strings are stored as absent; skills lose duplicates (any case)."""
    cleaned = {key: (value if value != "" else None) for key, value in fields.items()}
    if "skills" in cleaned:
        seen: set[str] = set()
        cleaned["skills"] = [
            s for s in cleaned["skills"] if not (s.lower() in seen or seen.add(s.lower()))
        ]
    return cleaned


def sign_up(**fields) -> dict:
    """A new person and their first token, in one transaction: never a person without a way
    in. Each client address has MUTUALS_SIGNUP_LIMIT of them (429 after that)."""
    app_services().address_limits.count_signup()
    db = app_services().db
    person_id = uuid.uuid4().hex
    token, token_hash = new_token()
    values = {
        "connections_visibility": DEFAULT_VISIBILITY,
        "intro_opt_out": False,
        "skills": [],
        **_clean(fields),
    }
    at = now()

    def work(tx):
        person = run(
            tx, db.query("people.create_person", 1), person_id=person_id, fields=values, now=at
        )[0]["person"]
        run(
            tx, db.query("auth.create_token", 1), person_id=person_id, token_hash=token_hash, now=at
        )
        return person

    return {"person": db.write_tx(work), "token": token}


def profile(credential: Bearer, person_id: str | None = None) -> dict:
    """``person_id``'s profile (None: the caller's own) as the caller of ``credential`` sees
    it, their degree and mutual count included; NotFound when absent or blocked. The token
    lookup, the profile and its sections are one statement: one round trip."""
    rows = app_services().db.read(
        "people.profile_by_token",
        1,
        **credential.params(),
        person_id=person_id,
        sample_size=recommendations.ENDORSEMENT_SAMPLE_SIZE,
    )
    authenticated(credential, rows)
    person = rows[0]["person"]
    if person is None:
        raise NotFound("No such person.")
    person["positions"] = [careers.present(careers.POSITIONS, p) for p in person["positions"]]
    person["education"] = [careers.present(careers.EDUCATION, e) for e in person["education"]]
    if not person["headline"]:  # the current title and employer say who they are
        person["headline"] = careers.headline(person["positions"])
    if (relation := person.pop("relation")) is not None:  # someone else's profile
        person.update(relation)
    return person


def update_profile(person_id: str, **changes) -> dict:
    """Only the fields given change; None clears an optional field."""
    db, at = app_services().db, now()

    def work(tx):
        rows = run(
            tx,
            db.query("people.update_profile", 1),
            person_id=person_id,
            changes=_clean(changes),
            now=at,
        )
        if not rows:
            raise NotFound("No such person.")
        if changes.keys() & PROFILE_SCORED:  # suggestions' scores change with these
            changed(tx, Change.PROFILE_CHANGED, person_id)
        return rows[0]["person"]

    return db.write_tx(work)


def delete_person(person_id: str, *, confirm: str) -> None:
    """Removes the person, their tokens, relationships, every introduction they are a party
    to, their notifications and webhooks, the notifications naming them (as actor or in their
    data), their email addresses and LinkedIn contacts, and every network view part that
    lists them, theirs or anyone's.

    ``confirm`` must be the caller's own id: a stray DELETE cannot erase an account."""
    if confirm != person_id:
        raise Unprocessable("confirm", "Send your own id as confirm to delete your account.")
    db = app_services().db

    def work(tx):
        run(tx, db.query("notifications.delete_for_person", 2), person_id=person_id)
        run(tx, db.query("targets.delete_for_person", 1), person_id=person_id)
        identity.forget(tx, person_id)
        forget(tx, person_id)  # before the connections go: it finds the views they are in
        if not run(tx, db.query("people.delete_person", 1), person_id=person_id)[0]["deleted"]:
            raise NotFound("No such person.")

    db.write_tx(work)


def search(
    viewer_id: str,
    *,
    limit: int,
    cursor: str | None,
    q: str | None = None,
    degree: list[int] | None = None,
    organization: str | None = None,
    title: str | None = None,
    **filters,
) -> dict:
    """People by name part (any case), exact location / industry / profession, skill (any
    case) (``network.profile_filters``), only at some degrees from the viewer, only those
    there now at an organization or with a current title containing some text (any case);
    name order; never the viewer or anyone blocked either way."""
    profile = network.profile_filters(**filters)
    q = (q or "").lower()
    db = app_services().db

    def among() -> set[str] | None:
        """The ids the degree and career filters allow (None: anyone)."""
        allowed = None
        if organization or title:
            allowed = set(careers.current_people(organization, title))
        if degree:
            within = network.ids_at_degrees(viewer_id, degree)
            allowed = within if allowed is None else allowed & within
        return allowed

    def read(**params) -> list[dict]:
        params.update(viewer_id=viewer_id, **profile)
        if (ids := among()) is not None:
            # Few people are within reach of most: start from them rather than from every name.
            return db.read("people.search_among", 1, q=q or None, ids=list(ids), **params)
        if q:
            return db.read("people.search_by_name", 1, q=q, **params)
        return db.read("people.search", 1, **params)

    result = paginate(read, BY_NAME, limit, cursor, key=lambda row: name_key(row["person"]))
    result["items"] = [row["person"] for row in result["items"]]
    # Like LinkedIn's "2nd" badge: each result's degree and mutual count, for this page only.
    relation = network.relations(viewer_id, [p["id"] for p in result["items"]])
    for person in result["items"]:
        person.update(relation.get(person["id"], {"degree": None, "mutual_count": 0}))
    return result


# -- tokens ------------------------------------------------------------------------------------


def list_tokens(person_id: str, *, current_hash: str, limit: int, cursor: str | None) -> dict:
    """The person's unexpired tokens, newest first, never the secret; ``current_hash`` marks
    the token of this request."""
    state = app_services()
    read = partial(
        state.db.read,
        "auth.list_tokens",
        2,
        person_id=person_id,
        current_hash=current_hash,
        now=now(),
        ttl_days=state.settings.token_ttl_days,
    )
    return newest_first(read, limit, cursor, id_of=lambda row: row["id"])


def revoke_token(person_id: str, token_id: str) -> None:
    """Delete one of the person's tokens by its id (404 when they hold none such)."""
    rows = app_services().db.write("auth.delete_token", 1, person_id=person_id, token_id=token_id)
    if not rows[0]["deleted"]:
        raise NotFound("You hold no token with this id.")


def revoke_token_by_hash(token_hash: str) -> None:
    """Log out: delete the token of this request."""
    app_services().db.write("auth.delete_token_by_hash", 1, token_hash=token_hash)


def issue_token(person_id: str) -> dict:
    """A new token for an existing person (404 when there is no such person)."""
    token, token_hash = new_token()
    rows = app_services().db.write(
        "auth.create_token", 1, person_id=person_id, token_hash=token_hash, now=now()
    )
    if not rows:
        raise NotFound("No such person.")
    return {"token": token}
