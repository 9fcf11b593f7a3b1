"""Helpers for the seed, import/export and query-command tests."""

from __future__ import annotations

from click.testing import CliRunner, Result
from flask.cli import ScriptInfo

from backend.cli import cli


def run_cli(app, *args: str) -> Result:
    """``mutuals <args>`` against the test app (its settings, its Neo4j)."""
    return CliRunner().invoke(
        cli, list(args), obj=ScriptInfo(create_app=lambda: app), catch_exceptions=False
    )


def graph_snapshot(cypher) -> dict:
    """People, connections, requests and careers (organizations with their lookup keys,
    positions, education) by their ids and properties (element ids left out, so graphs loaded
    at different times compare equal when their data is equal)."""
    people = cypher("MATCH (p:Person) RETURN p.id AS id, properties(p) AS props ORDER BY id")
    connections = cypher(
        "MATCH (a:Person)-[r:CONNECTED_TO]->(b:Person) "
        "RETURN r.pair AS pair, a.id AS a, b.id AS b, properties(r) AS props ORDER BY pair"
    )
    requests = cypher(
        "MATCH (a:Person)-[r:REQUESTED]->(b:Person) "
        "RETURN r.pair AS pair, properties(r) AS props ORDER BY pair"
    )
    organizations = cypher(
        "MATCH (o:Organization) RETURN o.id AS id, properties(o) AS props, "
        "COLLECT { MATCH (k:OrganizationKey)-[:KEY_OF]->(o) "
        "RETURN [k.key, k.organization_id] ORDER BY k.key } AS keys ORDER BY id"
    )
    careers = {
        name: cypher(
            f"MATCH (p:Person)-[r:{kind}]->(o:Organization) "
            "RETURN r.id AS id, p.id AS person, o.id AS organization, properties(r) AS props "
            "ORDER BY id"
        )
        for name, kind in (("positions", "WORKED_AT"), ("education", "STUDIED_AT"))
    }
    return {
        "people": people,
        "connections": connections,
        "requests": requests,
        "organizations": organizations,
        **careers,
    }


def undated(snapshot: dict) -> dict:
    """A snapshot without the dates a load fills in where the files give none (the load's
    time), to compare two loads of such files."""
    return {
        table: [
            {
                **row,
                "props": {
                    k: v for k, v in row["props"].items() if k not in ("created_at", "updated_at")
                },
            }
            for row in rows
        ]
        for table, rows in snapshot.items()
    }


def graph_counts(cypher) -> dict:
    """How many people, connections and requests the graph holds."""
    return cypher(
        "CALL () { MATCH (p:Person) RETURN count(p) AS people } "
        "CALL () { MATCH ()-[c:CONNECTED_TO]->() RETURN count(c) AS connections } "
        "CALL () { MATCH ()-[r:REQUESTED]->() RETURN count(r) AS requests } "
        "RETURN people, connections, requests"
    )[0]
