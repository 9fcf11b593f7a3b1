"""Organizations and schools: one node per real organization, found by any of its keys
(backend/organizations/names.py), typeahead over their names and aliases.

People never create an organization on its own: naming one in a position or an education
entry finds it (by LinkedIn page, domain, then name) or creates it (:func:`resolve`).
"""

from __future__ import annotations

import uuid

from backend.app_services import app_services, now
from backend.auth import Bearer, authenticated, current_person_id
from backend.db import run
from backend.errors import NotFound, Unprocessable
from backend.organizations import names, people

# The typeahead ranks this many full-text hits (prefix matches first, then size).
SEARCH_CANDIDATES = 100


def resolve(tx, kind: str, reference: dict, field: str) -> dict:
    """The organization a position or education entry names, inside the caller's write
    transaction: ``{"id": ...}`` (it must exist and be of ``kind``) or ``{"name", "domain"?,
    "linkedin_url"?}``. The strongest key that already names one wins; a name whose
    organization has another domain or LinkedIn page is a different organization; else a new
    one. Every key given then names it, and a spelling with another name key becomes an
    alias. Unprocessable(field) when an id names nothing of that kind."""
    db = app_services().db
    if "id" in reference:
        rows = run(tx, db.query("organizations.get", 1), id=reference["id"])
        if not rows or rows[0]["organization"]["kind"] != kind:
            raise Unprocessable(field, f"No {kind} with this id.")
        return rows[0]["organization"]
    name = reference["name"]
    domain = reference.get("domain")
    linkedin = reference.get("linkedin")
    keys = names.keys(kind, name=name, domain=domain, linkedin=linkedin)
    found = {
        row["key"]: row["organization"]
        for row in run(tx, db.query("organizations.find_keys", 1), keys=keys)
    }
    organization = next((found[key] for key in keys[:-1] if key in found), None)
    by_name = found.get(keys[-1])
    if organization is None and by_name and _compatible(by_name, domain, linkedin):
        organization = by_name
    if organization is None:
        organization = run(
            tx,
            db.query("organizations.create", 1),
            key=keys[0],
            id=uuid.uuid4().hex,
            kind=kind,
            name=name,
            name_key=names.name_key(name),
            domain=domain,
            linkedin=linkedin,
            search_text=" ".join(names.search_words(name)),
            now=now(),
        )[0]["organization"]
    alias = name if names.name_key(name) != names.name_key(organization["name"]) else None
    return run(
        tx,
        db.query("organizations.add_keys", 1),
        id=organization["id"],
        keys=keys,
        domain=domain,
        linkedin=linkedin,
        alias=alias,
        alias_words=" ".join(names.search_words(alias)) if alias else None,
    )[0]["organization"]


def _compatible(organization: dict, domain: str | None, linkedin: str | None) -> bool:
    """A same-named organization is this one unless a stronger key says otherwise."""
    return (not domain or organization["domain"] in (None, domain)) and (
        not linkedin or organization["linkedin"] in (None, linkedin)
    )


def search(credential: Bearer, *, q: str, kind: str | None, limit: int) -> dict:
    """Typeahead: organizations whose name or an alias has words starting with q's words. The
    token lookup and the hits are one statement (one round trip: typed letters ask often)."""
    words = names.search_words(q)
    if not words:
        current_person_id()  # an authenticated caller's to hear of (else 401)
        raise Unprocessable("q", "Give at least one letter or digit.")
    rows = app_services().db.read(
        "organizations.search",
        3,
        **credential.params(),
        words=" AND ".join(f"{word}*" for word in words),
        prefix=names.name_key(q),
        kind=kind,
        candidates=SEARCH_CANDIDATES,
        limit=limit,
    )
    authenticated(credential, rows)
    return {
        "items": [
            {**hit["organization"], "people": hit["people"]} for hit in rows[0]["organizations"]
        ]
    }


def get(person_id: str, organization_id: str) -> dict:
    rows = app_services().db.read("organizations.get", 1, id=organization_id)
    if not rows:
        raise NotFound("No such organization.")
    row = rows[0]
    return {
        **row["organization"],
        "current": row["current"],
        "former": row["former"],
        "network": people.counts(person_id, organization_id),
    }
