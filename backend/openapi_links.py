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


def _person_links(person_id: str) -> dict:
    return {
        "GetPerson": {
            "operationRef": _ref("/v1/people/{person_id}", "get"),
            "parameters": {"person_id": person_id},
            "description": "The profile of this person.",
        },
        "InvitePerson": {
            "operationRef": _ref("/v1/me/requests", "post"),
            "requestBody": {"to": person_id},
            "description": "Invite this person to connect.",
        },
        "AcceptRequestFromPerson": {
            "operationRef": _ref("/v1/me/requests/incoming/{person_id}/accept", "post"),
            "parameters": {"person_id": person_id},
            "description": "Accept an invitation this person sent you.",
        },
        "PersonConnections": {
            "operationRef": _ref("/v1/people/{person_id}/connections", "get"),
            "parameters": {"person_id": person_id},
            "description": "This person's connections, as far as you may see them.",
        },
        "PersonBrokers": {
            "operationRef": _ref("/v1/people/{person_id}/brokers", "get"),
            "parameters": {"person_id": person_id},
            "description": "Who could introduce you to this person.",
        },
    }


def _intro_links() -> dict:
    links = {
        "GetIntro": {
            "operationRef": _ref("/v1/intros/{intro_id}", "get"),
            "parameters": {"intro_id": INTRO_ID},
            "description": "This introduction.",
        }
    }
    for action in ("forward", "accept", "decline", "withdraw", "follow-ups"):
        name = "".join(part.title() for part in action.split("-")) + "Intro"
        links[name] = {
            "operationRef": _ref(f"/v1/intros/{{intro_id}}/{action}", "post"),
            "parameters": {"intro_id": INTRO_ID},
            "description": f"{action.replace('-', ' ').capitalize()} this introduction.",
        }
    return links


# (path, method, status) -> links of that response.
LINKS = {
    ("/v1/people", "post", "201"): _person_links(PERSON_ID),
    ("/v1/me/requests", "post", "201"): {
        "WithdrawRequest": {
            "operationRef": _ref("/v1/me/requests/outgoing/{person_id}", "delete"),
            "parameters": {"person_id": PERSON_ID},
            "description": "Withdraw this invitation.",
        }
    },
    ("/v1/me/requests/incoming/{person_id}/accept", "post", "201"): {
        "RemoveConnection": {
            "operationRef": _ref("/v1/me/connections/{person_id}", "delete"),
            "parameters": {"person_id": PERSON_ID},
            "description": "Remove the connection just made.",
        },
        "IntroduceThrough": {
            "operationRef": _ref("/v1/people/{person_id}/brokers", "get"),
            "parameters": {"person_id": PERSON_ID},
            "description": "Who could introduce you to your new connection's connections.",
        },
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
