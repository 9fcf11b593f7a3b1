"""OpenAPI links: which operation a response leads to, with which ids from its body.

A client generator or a stateful fuzzer (tests/test_fuzz_stateful.py) follows them: sign up,
look at the person, invite them, accept an invitation from them, introduce, forward, accept.
"""

from __future__ import annotations

from apispec import BasePlugin

PERSON_ID = "$response.body#/person/id"
INTRO_ID = "$response.body#/id"


def _ref(path: str, method: str) -> str:
    """A JSON pointer to an operation of this document (``/`` is escaped as ``~1``)."""
    return "#/paths/" + path.replace("~", "~0").replace("/", "~1") + "/" + method


def _link(path: str, method: str, description: str, body: dict | None = None, **parameters):
    link = {"operationRef": _ref(path, method), "description": description}
    if parameters:
        link["parameters"] = parameters
    if body:
        link["requestBody"] = body
    return link


def _person_links(person_id: str) -> dict:
    return {
        "GetPerson": _link(
            "/v1/people/{person_id}", "get", "The profile of this person.", person_id=person_id
        ),
        "InvitePerson": _link(
            "/v1/me/requests", "post", "Invite this person to connect.", body={"to": person_id}
        ),
        "AcceptRequestFromPerson": _link(
            "/v1/me/requests/incoming/{person_id}/accept",
            "post",
            "Accept an invitation this person sent you.",
            person_id=person_id,
        ),
        "PersonConnections": _link(
            "/v1/people/{person_id}/connections",
            "get",
            "This person's connections, as far as you may see them.",
            person_id=person_id,
        ),
        "PersonBrokers": _link(
            "/v1/people/{person_id}/brokers",
            "get",
            "Who could introduce you to this person.",
            person_id=person_id,
        ),
    }


def _intro_links() -> dict:
    links = {
        "GetIntro": _link("/v1/intros/{intro_id}", "get", "This introduction.", intro_id=INTRO_ID)
    }
    for action in ("forward", "accept", "decline", "withdraw", "follow-ups"):
        name = "".join(part.title() for part in action.split("-")) + "Intro"
        description = f"{action.replace('-', ' ').capitalize()} this introduction."
        links[name] = _link(
            f"/v1/intros/{{intro_id}}/{action}", "post", description, intro_id=INTRO_ID
        )
    return links


# (path, method, status) -> links of that response.
LINKS = {
    ("/v1/people", "post", "201"): _person_links(PERSON_ID),
    ("/v1/me/requests", "post", "201"): {
        "WithdrawRequest": _link(
            "/v1/me/requests/outgoing/{person_id}",
            "delete",
            "Withdraw this invitation.",
            person_id=PERSON_ID,
        )
    },
    ("/v1/me/requests/incoming/{person_id}/accept", "post", "201"): {
        "RemoveConnection": _link(
            "/v1/me/connections/{person_id}",
            "delete",
            "Remove the connection just made.",
            person_id=PERSON_ID,
        ),
        "NewConnectionBrokers": _link(
            "/v1/people/{person_id}/brokers",
            "get",
            "Who could introduce you to your new connection.",
            person_id=PERSON_ID,
        ),
    },
    ("/v1/intros", "post", "201"): _intro_links(),
    ("/v1/intros/{intro_id}/forward", "post", "200"): _intro_links(),
}


class OperationLinks(BasePlugin):
    """Adds :data:`LINKS` to the responses they belong to."""

    def operation_helper(self, path=None, operations=None, **kwargs):
        for method, operation in (operations or {}).items():
            for status, response in operation.get("responses", {}).items():
                links = LINKS.get((path, method, str(status)))
                if links and isinstance(response, dict):
                    response["links"] = links
