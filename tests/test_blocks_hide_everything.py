"""A block hides each of the two from the other everywhere: the blocker's (and the blocked
person's) recommendations and endorsements answer as for someone who does not exist."""

from __future__ import annotations

import pytest

from tests.support.auth import AuthActions
from tests.support.graph import connect
from tests.support.live import LiveClient


@pytest.fixture
def people(live_server, cypher) -> AuthActions:
    """ada and bob, each recommended (accepted) and endorsed for Python by cyd; ada blocks bob."""
    people = AuthActions(LiveClient(live_server))
    for person_id in ("ada", "bob", "cyd"):
        people.add(cypher, person_id, skills=["Python"])
    connect(cypher, "ada", "bob")
    for subject in ("ada", "bob"):
        connect(cypher, "cyd", subject)
        rec = people.post(
            "cyd",
            f"/v1/people/{subject}/recommendations",
            {
                "relationship": "worked_together",
                "text": "Writes careful, well-tested code every day.",
            },
        )
        assert rec.status_code == 201, rec.json
        accepted = people.post(subject, f"/v1/me/recommendations/{rec.json['id']}/accept")
        assert accepted.status_code == 200, accepted.json
        endorsed = people.put("cyd", f"/v1/people/{subject}/skills/Python/endorsement")
        assert endorsed.status_code == 204
    assert people.put("ada", "/v1/me/blocks/bob").status_code == 204
    return people


@pytest.mark.parametrize("listing", ["recommendations", "endorsements"])
@pytest.mark.parametrize(("viewer", "other"), [("bob", "ada"), ("ada", "bob")])
def test_a_block_answers_as_for_someone_who_does_not_exist(people, listing, viewer, other):
    blocked = people.get(viewer, f"/v1/people/{other}/{listing}")
    absent = people.get(viewer, f"/v1/people/nobody/{listing}")
    assert (blocked.status_code, blocked.json) == (absent.status_code, absent.json)
    assert blocked.status_code == 404
    # cyd, who blocked nobody, still sees both.
    assert people.get("cyd", f"/v1/people/{other}/{listing}").json["items"]
