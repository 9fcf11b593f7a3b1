"""Importing generated LinkedIn exports (harness/linkedin_export.py) as people over HTTP."""

from __future__ import annotations

import io

from harness.linkedin_export import FakeContact, connections_csv, profile_url


def contact(slug: str, first: str, last: str, connected_on, email: str | None = None):
    """A row naming the person whose LinkedIn profile is ``slug``."""
    return FakeContact(
        first, last, profile_url(slug), email, "Acme, Inc.", "Engineer", connected_on
    )


def upload(people, person_id: str, files: dict[str, bytes], **query):
    """POST /v1/me/imports with these files (name: content) as multipart parts."""
    return people.open(
        person_id,
        "POST",
        "/v1/me/imports",
        data={"file": [(io.BytesIO(content), name) for name, content in files.items()]},
        content_type="multipart/form-data",
        query_string=query,
    )


def import_contacts(people, person_id: str, contacts: list, **quirks) -> dict:
    """Import a Connections.csv of these contacts; the report (the import must succeed)."""
    answer = upload(people, person_id, {"Connections.csv": connections_csv(contacts, **quirks)})
    assert answer.status_code == 200, answer.json
    return answer.json


def set_identity(people, person_id: str, slug: str | None, *emails: str) -> None:
    body = {"linkedin_url": profile_url(slug) if slug else None, "emails": list(emails)}
    answer = people.put(person_id, "/v1/me/identity", body)
    assert answer.status_code == 200, answer.json
