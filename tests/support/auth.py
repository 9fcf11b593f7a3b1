"""Acting over HTTP as people, with their bearer tokens (as flaskr's ``AuthActions`` logs in)."""

from __future__ import annotations

from tests.support.graph import auth, create_person


class AuthActions:
    """People by id with their tokens, and the test client to call the API as each of them.

    ``add`` makes a person (with a token) directly in the graph; ``get``, ``post``, ``patch``
    and ``delete`` call the API with that person's token."""

    def __init__(self, client, tokens: dict[str, str] | None = None):
        self.client = client
        self.tokens = dict(tokens or {})

    def add(self, cypher, person_id: str, **props) -> str:
        """A person named after their id (``ada`` is Ada), with a token; returns the token."""
        self.tokens[person_id] = create_person(cypher, person_id, name=person_id.title(), **props)
        return self.tokens[person_id]

    def headers(self, person_id: str) -> dict:
        return auth(self.tokens[person_id])

    def get(self, person_id: str, path: str, **query):
        return self.client.get(path, query_string=query, headers=self.headers(person_id))

    def post(self, person_id: str, path: str, body: dict | None = None):
        return self.client.post(path, json=body, headers=self.headers(person_id))

    def patch(self, person_id: str, path: str, body: dict | None = None):
        return self.client.patch(path, json=body, headers=self.headers(person_id))

    def delete(self, person_id: str, path: str):
        return self.client.delete(path, headers=self.headers(person_id))
