"""What each party of an introduction learns, against gunicorn: the broker is never told that
two of its connections blocked each other, the requester's message to the broker stays
between the two of them, and a target who opts out after a request is never introduced."""

from __future__ import annotations

import pytest

from tests.support.graph import graph_fingerprint
from tests.support.intros import asked, trio
from tests.support.live import LiveClient

MESSAGE = "Bob, between us: I need a job by Friday, please introduce me to Bea."
NOTE = "Ada, meet Bea: both of you build graph databases."


@pytest.fixture
def people(live_server, cypher):
    return trio(cypher, LiveClient(live_server))


def _introduce_refusal(people, cypher, arrange) -> tuple[int, dict]:
    """bob introduces ada and bea after ``arrange(cypher)``: the refusal, graph unchanged."""
    arrange(cypher)
    before = graph_fingerprint(cypher)
    response = people.introduce("bob", "ada", "bea")
    assert graph_fingerprint(cypher) == before
    body = {key: response.json[key] for key in ("status", "title", "detail", "errors")}
    return response.status_code, body


def _block(who: str, whom: str):
    return lambda cypher: cypher(
        "MATCH (a:Person {id: $a}), (b:Person {id: $b}) CREATE (a)-[:BLOCKED {at: datetime()}]->(b)",
        a=who,
        b=whom,
    )


def _dont_know(who: str, whom: str):
    """``who`` ignored ``whom``'s invitation as "I don't know this person"."""
    return lambda cypher: cypher(
        "MATCH (a:Person {id: $a}), (b:Person {id: $b}) "
        "CREATE (a)-[:INVITE_HOLD {reason: 'dont_know', at: datetime()}]->(b)",
        a=whom,
        b=who,
    )


@pytest.mark.parametrize(("who", "whom"), [("ada", "bea"), ("bea", "ada")])
def test_the_broker_gets_the_generic_refusal_for_two_who_blocked_each_other(
    people, cypher, who, whom
):
    status, blocked = _introduce_refusal(people, cypher, _block(who, whom))
    assert status == 422
    assert "block" not in str(blocked).lower()
    # The very answer a pair gets where one told us they do not know the other.
    cypher("MATCH ()-[b:BLOCKED]->() DELETE b")
    assert _introduce_refusal(people, cypher, _dont_know(who, whom)) == (status, blocked)


def test_a_party_is_not_told_that_two_others_blocked_each_other(people, cypher):
    intro_id = asked(people)
    assert people.act("bob", intro_id, "forward", NOTE).status_code == 200
    _block("ada", "bob")(cypher)  # however it came about (a block racing the accept)
    refused = people.act("bea", intro_id, "accept")
    assert refused.status_code == 409
    assert "block" not in refused.json["detail"].lower()


def test_the_requesters_message_is_for_the_broker_only(people, cypher):
    intro_id = people.ask("ada", "bea", "bob", MESSAGE).json["id"]
    assert people.act("bob", intro_id, "forward", NOTE).status_code == 200
    for viewer in ("ada", "bob"):
        seen = people.get(viewer, f"/v1/intros/{intro_id}").json
        assert (seen["message"], seen["note"]) == (MESSAGE, NOTE)
    target_sees = [
        people.get("bea", f"/v1/intros/{intro_id}").raw.text,
        people.get("bea", "/v1/me/intros").raw.text,
        people.get("bea", "/v1/me/intros", role="target").raw.text,
        people.get("bea", "/v1/me/notifications").raw.text,
    ]
    assert all(NOTE in text or "notifications" in text for text in target_sees[:3])
    assert not any(MESSAGE in text for text in target_sees)


def test_forward_honours_an_opt_out_made_after_the_request(people, cypher):
    intro_id = asked(people)
    assert people.patch("bea", "/v1/me", {"intro_opt_out": True}).status_code == 200
    before = graph_fingerprint(cypher)
    refused = people.act("bob", intro_id, "forward", NOTE)
    assert refused.status_code == 409, refused.json
    assert "Bea does not accept introductions" in refused.json["detail"]
    assert graph_fingerprint(cypher) == before
    assert people.get("bea", f"/v1/intros/{intro_id}").status_code == 404
