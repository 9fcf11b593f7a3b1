"""``mutuals query``: every query file runs read-only from the command line; writes are refused."""

from __future__ import annotations

import dataclasses
import json
import re
from datetime import datetime

import pytest
from neo4j.exceptions import ClientError

from backend import query_cli
from backend.queries import QueryRegistry, registry
from tests.support.cli import run_cli
from tests.support.graph import connect, create_person

ALL_QUERIES = list(registry())
_EXAMPLE = re.compile(r":param\s+(?P<name>\w+)\s*=>\s*(?P<expr>.+?);(?=\s*(?::param|$))")
TYPED_DEFAULTS = {
    "string": "x",
    "int": "10",
    "float": "1.5",
    "boolean": "false",
    "datetime": "now",
    "map": "{}",
    "list of string": "[]",
    "list of strings": "[]",
    "list of maps": "[]",
}


def _as_cli_text(value) -> str:
    """How an analyst would type the value after --param key=."""
    plain = query_cli._plain(value)
    if isinstance(plain, str):
        return plain
    return json.dumps(plain)


def cli_params(query, cypher) -> list[str]:
    """--param arguments from the file's example line (each expression evaluated by Neo4j, as
    cypher-shell's :param does), typed defaults for what the example leaves out."""
    examples = {m["name"]: m["expr"] for line in query.examples for m in _EXAMPLE.finditer(line)}
    args = []
    for name, declared in query.params.items():
        if name in examples:
            value = cypher(f"RETURN {examples[name]} AS v")[0]["v"]
            text = "null" if value is None else _as_cli_text(value)
        else:
            text = TYPED_DEFAULTS.get(declared, "null")
        args += ["--param", f"{name}={text}"]
    return args


@pytest.mark.parametrize("query", ALL_QUERIES, ids=lambda q: q.key)
def test_every_query_file_runs_read_only_or_is_refused(app, cypher, query):
    args = [
        "query",
        query.name,
        "--version",
        str(query.version),
        "--format",
        "json",
        *cli_params(query, cypher),
    ]
    result = run_cli(app, *args)
    if query.mode == "read":
        assert result.exit_code == 0, result.output
        assert isinstance(json.loads(result.output), list)
    else:
        assert result.exit_code == 1
        assert f"{query.key} is a {query.mode} query" in result.output
        assert "read queries only" in result.output


def test_list_shows_every_query_with_its_header(app):
    result = run_cli(app, "query", "--list")
    assert result.exit_code == 0
    for query in ALL_QUERIES:
        assert f"{query.name} v{query.version}  ({query.mode})" in result.output
        assert query.returns[:40] in result.output


def test_formats_table_csv_json(app, cypher):
    create_person(cypher, "p1", name="Ada Lovelace")
    create_person(cypher, "p2", name="Grace Hopper")
    connect(cypher, "p1", "p2")
    base = ["query", "seed.existing_people", "--param", 'ids=["p2", "nobody", "p1"]']
    as_json = run_cli(app, *base, "--format", "json")
    assert sorted(row["id"] for row in json.loads(as_json.output)) == ["p1", "p2"]
    as_csv = run_cli(app, *base, "--format", "csv")
    assert as_csv.output.splitlines()[0] == "id" and sorted(as_csv.output.splitlines()[1:]) == [
        "p1",
        "p2",
    ]
    table = run_cli(app, *base)
    assert table.output.splitlines()[0].strip() == "id" and "(2 rows)" in table.output
    # Lists given as a,b work too; the latest version is the default.
    assert (
        len(
            json.loads(
                run_cli(
                    app, "query", "seed.existing_people", "--param", "ids=p1,p2", "--format", "json"
                ).output
            )
        )
        == 2
    )
    exported = json.loads(
        run_cli(app, "query", "seed.export_connections", "--format", "json").output
    )
    assert exported == [{"a": "p1", "b": "p2", "since": exported[0]["since"]}]
    assert datetime.fromisoformat(exported[0]["since"])


def test_param_mistakes_are_usage_errors(app):
    missing = run_cli(app, "query", "seed.existing_people")
    assert missing.exit_code == 2 and "needs --param for: ids (list of strings)" in missing.output
    unknown = run_cli(app, "query", "seed.existing_people", "--param", "ids=[]", "--param", "x=1")
    assert unknown.exit_code == 2 and "takes no param 'x'" in unknown.output
    no_query = run_cli(app, "query", "nope.nothing")
    assert no_query.exit_code == 1 and "no query named nope.nothing" in no_query.output
    malformed = run_cli(app, "query", "seed.existing_people", "--param", "ids")
    assert malformed.exit_code == 2 and "--param wants key=value" in malformed.output


@pytest.mark.parametrize(
    "raw, declared, expected",
    [
        ("42", "int", 42),
        ("2.5", "float", 2.5),
        ("true", "boolean", True),
        ("null", "int", None),
        ("107", "string", "107"),
        ('["a", "b"]', "list of string", ["a", "b"]),
        ("a, b", "list of strings", ["a", "b"]),
        ("[1, 2]", "list of int", [1, 2]),
        ('{"mutual": 10}', "map", {"mutual": 10}),
        ("[1]", "any", [1]),
        ("plain", "any", "plain"),
        ("2026-01-05", "date", datetime(2026, 1, 5).date()),
    ],
)
def test_param_values_follow_the_declared_type(raw, declared, expected):
    assert query_cli.parse_value(raw, declared) == expected


def test_datetime_params():
    assert query_cli.parse_value("2026-01-05T09:00:00Z", "datetime") == datetime.fromisoformat(
        "2026-01-05T09:00:00+00:00"
    )
    assert query_cli.parse_value("now", "datetime").tzinfo is not None


@pytest.mark.parametrize(
    "raw, declared",
    [
        ("ten", "int"),
        ("yes", "boolean"),
        ('{"a": 1}', "list of string"),
        ("[1]", "map"),
        ("soon", "datetime"),
    ],
)
def test_bad_param_values_are_refused(raw, declared):
    with pytest.raises(query_cli.ParamError, match="want"):
        query_cli.parse_value(raw, declared)


def test_a_file_that_says_read_but_writes_is_refused_by_explain(app, cypher, tmp_path, monkeypatch):
    area = tmp_path / "sneaky"
    area.mkdir()
    (area / "touch.v1.cypher").write_text(
        "// name: sneaky.touch\n// version: 1\n// mode: read\n// params: id (string)\n// returns: n\n"
        "MATCH (p:Person {id: $id}) SET p.touched = true RETURN count(p) AS n\n"
    )
    (area / "index.v1.cypher").write_text(
        "// name: sneaky.index\n// version: 1\n// mode: read\n// params: none\n// returns: nothing\n"
        "CREATE INDEX sneaky IF NOT EXISTS FOR (p:Person) ON (p.touched)\n"
    )
    monkeypatch.setattr(query_cli, "registry", lambda: QueryRegistry(tmp_path))
    create_person(cypher, "p1")
    result = run_cli(app, "query", "sneaky.touch", "--param", "id=p1")
    assert (
        result.exit_code == 1
        and "declared read but plans as a write (query type 'rw'); refused" in result.output
    )
    result = run_cli(app, "query", "sneaky.index")
    assert result.exit_code == 1 and "plans as a write (query type 's')" in result.output
    assert cypher("MATCH (p:Person {id: 'p1'}) RETURN p.touched AS t") == [{"t": None}]
    assert cypher("SHOW INDEXES YIELD name WHERE name = 'sneaky' RETURN name") == []


def test_the_read_session_itself_refuses_writes(database, cypher):
    """The last guard: even a write that got past the header and EXPLAIN fails in the session."""
    create_person(cypher, "p1")
    writing = dataclasses.replace(
        registry().get("seed.existing_people", 1),
        text="MATCH (p:Person) SET p.touched = true RETURN p.id AS id",
    )
    with pytest.raises(ClientError, match="read access mode"):
        query_cli.run_read(database, writing, {})
    assert cypher("MATCH (p:Person) RETURN p.touched AS t") == [{"t": None}]
