"""Arranging graphs directly in Cypher, for tests whose subject is not sign-up or requests.

Tests of sign-up, requests and connections go through HTTP; tests of other areas may arrange
people, tokens and connections here and then call their own endpoints with the tokens.
"""

from __future__ import annotations

import secrets

from backend import migrations
from backend.db import Database
from backend.pair_keys import connection_key
from backend.tokens import hash_token
from harness.http import auth  # noqa: F401 - the tests' bearer header, from one place


def create_person(cypher, person_id: str, name: str | None = None, **props) -> str:
    """A Person with a bearer token; returns the token."""
    token = secrets.token_urlsafe(32)
    name = name or f"Person {person_id}"
    cypher(
        "CREATE (p:Person {id: $id, name: $name, name_lower: toLower($name), "
        "connections_visibility: 'connections', created_at: datetime()}) SET p += $props "
        "CREATE (:Token {hash: $hash, created_at: datetime()})-[:AUTHENTICATES]->(p)",
        id=person_id,
        name=name,
        props=props,
        hash=hash_token(token),
    )
    return token


def connect(cypher, a: str, b: str) -> None:
    cypher(
        "MATCH (a:Person {id: $a}), (b:Person {id: $b}) "
        "CREATE (a)-[:CONNECTED_TO {since: datetime(), pair: $pair}]->(b)",
        a=a,
        b=b,
        pair=connection_key(a, b),
    )


def graph_fingerprint(cypher) -> list:
    """Every node (labels, properties) and relationship (type, ends by id, properties), sorted:
    equal before and after a refused request means the graph is unchanged. The per-address
    counters of failed authentications (backend/address_limits.py) are the server's
    bookkeeping, not the network: a refused request may count one."""
    nodes = cypher(
        "MATCH (n) WHERE NOT n:__MutualsMigration AND NOT n:Profession "
        "AND NOT n:AddressCounter "
        "RETURN labels(n) AS labels, properties(n) AS props"
    )
    rels = cypher(
        "MATCH (a)-[r]->(b) WHERE NOT a:Profession "
        "RETURN type(r) AS type, coalesce(a.id, a.hash) AS start, "
        "coalesce(b.id, b.hash) AS end, properties(r) AS props"
    )
    return sorted(map(repr, nodes)) + sorted(map(repr, rels))


def counts(body: dict) -> dict:
    """The 1st/2nd/3rd counts of a /v1/me/network answer, without its freshness fields."""
    return {key: body[key] for key in ("first", "second", "third")}


def wipe(db: Database) -> None:
    """Delete every node but migration records and reference data (schema stays too).
    Relationships go first, in batches: DETACH DELETE of a node with thousands of them would
    hold them all in one transaction's memory."""
    with db.session() as session:
        session.run(
            "MATCH (a)-[r]->() WHERE NOT a:Profession "
            "CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
        session.run(
            f"MATCH (n) WHERE NOT n:{migrations.LABEL} AND NOT n:Profession "
            "CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS"
        ).consume()
