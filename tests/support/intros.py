"""Arrangements for the introduction tests.

People are made directly in Cypher (tests/support/graph.py); everything about introductions
goes through HTTP; ``graph_fingerprint`` shows refusals leave the graph as it was.
"""

from __future__ import annotations

from tests.support.auth import AuthActions
from tests.support.graph import connect


def connections(cypher, a: str, b: str) -> int:
    return cypher(
        "MATCH (:Person {id: $a})-[c:CONNECTED_TO]-(:Person {id: $b}) RETURN count(c) AS n",
        a=a,
        b=b,
    )[0]["n"]


class IntroActions(AuthActions):
    """People with their tokens (``AuthActions``), and introductions asked, made and acted on."""

    def ask(
        self, requester: str, target: str, broker: str, message: str = "Could you introduce us?"
    ):
        return self.post(
            requester, "/v1/intros", {"target": target, "broker": broker, "message": message}
        )

    def introduce(self, broker: str, a: str, b: str, note: str = "You two should meet."):
        return self.post(broker, "/v1/intros", {"between": [a, b], "note": note})

    def act(self, person_id: str, intro_id: str, action: str, note: str | None = None):
        body = (
            {"note": note or "Ada, meet Bea: both of you build graph databases."}
            if action == "forward"
            else None
        )
        return self.post(person_id, f"/v1/intros/{intro_id}/{action}", body)


def trio(cypher, client, **props) -> IntroActions:
    """ada (requester) and bea (target), both connected to bob (broker); ada and bea are not.
    ``props`` adds properties by person, e.g. ``bea={"intro_opt_out": True}``."""
    people = IntroActions(client)
    for person_id in ("ada", "bob", "bea"):
        people.add(cypher, person_id, **props.get(person_id, {}))
    connect(cypher, "ada", "bob")
    connect(cypher, "bob", "bea")
    return people


def asked(people: IntroActions) -> str:
    """ada asked bob for an introduction to bea: the id."""
    response = people.ask("ada", "bea", "bob")
    assert response.status_code == 201, response.json
    return response.json["id"]


def forwarded(people: IntroActions) -> str:
    intro_id = asked(people)
    response = people.act("bob", intro_id, "forward")
    assert response.status_code == 200, response.json
    return intro_id
