"""People over HTTP: signing up, and acting as people with their bearer tokens (as flaskr's
``AuthActions`` logs in).

Acting as a person is ``people.get("ada", path)``; a raw ``headers=auth(token)`` is for tests
whose subject is the credential itself (expired, revoked, a second token, the admin token)."""

from __future__ import annotations

from tests.support.graph import auth, create_person


def sign_up(client, name: str = "Ada Lovelace", environ_base: dict | None = None, **fields):
    """POST /v1/people (which must answer 201): the new person's profile and token."""
    response = client.post(
        "/v1/people", json={"name": name, **fields}, environ_base=environ_base or {}
    )
    assert response.status_code == 201, response.json
    return response.json["person"], response.json["token"]


class AuthActions:
    """People by id with their tokens, and the test client to call the API as each of them.

    ``add`` makes a person (with a token) directly in the graph; someone signed up over HTTP
    joins with ``people.tokens[person["id"]] = token``. ``get``, ``post``, ``put``, ``patch``
    and ``delete`` call the API with that person's token, ``open`` with any method and the
    test client's other arguments (extra ``headers``, raw ``data``)."""

    def __init__(self, client, tokens: dict[str, str] | None = None):
        self.client = client
        self.tokens = dict(tokens or {})

    def add(self, cypher, person_id: str, **props) -> str:
        """A person named after their id (``ada`` is Ada), with a token; returns the token."""
        props.setdefault("name", person_id.title())
        self.tokens[person_id] = create_person(cypher, person_id, **props)
        return self.tokens[person_id]

    def headers(self, person_id: str) -> dict:
        return auth(self.tokens[person_id])

    def open(self, person_id: str, method: str, path: str, headers: dict | None = None, **kw):
        return self.client.open(
            path, method=method, headers={**self.headers(person_id), **(headers or {})}, **kw
        )

    def get(self, person_id: str, path: str, headers: dict | None = None, **query):
        """``query`` as the query string (or none: ``path`` may carry its own)."""
        return self.open(
            person_id, "GET", path, headers, **({"query_string": query} if query else {})
        )

    def post(self, person_id: str, path: str, body: dict | None = None, **kw):
        return self.open(person_id, "POST", path, json=body, **kw)

    def put(self, person_id: str, path: str, body: dict | None = None, **kw):
        return self.open(person_id, "PUT", path, json=body, **kw)

    def patch(self, person_id: str, path: str, body: dict | None = None, **kw):
        return self.open(person_id, "PATCH", path, json=body, **kw)

    def delete(self, person_id: str, path: str, **kw):
        return self.open(person_id, "DELETE", path, **kw)
