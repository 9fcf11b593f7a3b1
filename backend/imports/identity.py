"""Who a person is on LinkedIn: their profile URL and their email addresses, what other
people's exports are matched against (docs/import-linkedin.md).

The URL is kept as one key (``in/ana-costa``, backend/organizations/names.py), one person per
key. Addresses are private: only their owner reads them back; the matching uses a keyed hash
(HMAC-SHA256 with ``Settings.match_secret``), so a stolen graph does not hand over a list of
addresses to anyone without the key, and the same address held by two people matches neither
(an address is not verified, so it never decides between them).
"""

from __future__ import annotations

import hashlib
import hmac
import uuid

from backend.app_services import app_services, now
from backend.db import run
from backend.errors import Conflict, NotFound, Unprocessable
from backend.imports.matches import Match, settle
from backend.notifications.outbox import notify_all
from backend.organizations.names import profile_key, profile_url

MAX_EMAILS = 10
_DEVELOPMENT_KEY = "mutuals development match key"  # no secret, no password: local only


def email_hash(address: str) -> str:
    """The keyed hash of an address, folded (trimmed, any case): what is matched."""
    settings = app_services().settings
    secret = settings.match_secret or settings.neo4j_password or _DEVELOPMENT_KEY
    key = hashlib.sha256(b"mutuals match key\0" + secret.encode()).digest()
    return hmac.new(key, address.strip().casefold().encode(), hashlib.sha256).hexdigest()


def identity(person_id: str) -> dict:
    rows = app_services().db.read("imports.identity", 1, person_id=person_id)
    if not rows:
        raise NotFound("No such person.")
    return rows[0]


def set_identity(person_id: str, *, linkedin_url: str | None, emails: list[str]) -> dict:
    """Replace the person's LinkedIn URL (None: none) and addresses; 409 when another member
    has that profile, 422 when it is not a LinkedIn profile URL."""
    key = None
    if linkedin_url is not None:
        key = profile_key(linkedin_url)
        if key is None:
            raise Unprocessable(
                "linkedin_url", "Not a LinkedIn profile URL (https://www.linkedin.com/in/...)."
            )
    addresses = {email_hash(a): a.strip().lower() for a in emails}
    db = app_services().db

    def work(tx):
        rows = run(
            tx,
            db.query("imports.set_identity", 1),
            person_id=person_id,
            linkedin_key=key,
            linkedin_url=profile_url(key) if key else None,
            emails=[{"hash": h, "address": a} for h, a in sorted(addresses.items())],
            now=now(),
        )
        if not rows:
            raise NotFound("No such person.")
        if rows[0]["taken"]:
            raise Conflict("Another member has this LinkedIn profile on theirs.")
        _claim(tx, person_id, key, sorted(addresses))
        return {"linkedin_url": rows[0]["linkedin_url"], "emails": rows[0]["emails"]}

    return db.write_tx(work)


def _claim(tx, person_id: str, key: str | None, hashes: list[str]) -> None:
    """Other people's contacts that name this person now match them, settled by consent
    (backend/imports/matches.py): a suggestion, and the owner is told ("Ana Costa, from your
    LinkedIn, joined"); or, when both listed each other, a connection in this transaction
    (the owner is told of the connection instead)."""
    rows = run(
        tx,
        app_services().db.query("imports.claim_contacts", 1),
        person_id=person_id,
        linkedin_key=key,
        email_hashes=hashes,
        import_id=uuid.uuid4().hex,
        now=now(),
    )
    matches = [Match(row["owner_id"], person_id, row["connected_on"]) for row in rows]
    connected = settle(tx, matches, person_id)["connected"]
    connecting = {lister for lister, _ in connected}
    told = [row["owner_id"] for row in rows if not row["connected"]]
    notify_all(
        tx,
        "linkedin.contact_joined",
        [owner_id for owner_id in told if owner_id not in connecting],
        person_id,
        {"person_id": person_id},
    )


def forget(tx, person_id: str) -> None:
    """In the transaction that deletes the account: their addresses and contacts go too."""
    run(tx, app_services().db.query("imports.delete_for_person", 1), person_id=person_id)
