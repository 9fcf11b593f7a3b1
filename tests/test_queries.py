"""Every query file, the product's (cypher/queries) and the benchmarks' (bench/cypher): a
well-formed header, declared params == used params, and EXPLAIN passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from backend.queries import (
    HEADER_WIDTH,
    QueryFileError,
    QueryRegistry,
    parse_query_file,
    registry,
    used_params,
)
from harness.queries import bench_registry

ALL_QUERIES = list(bench_registry())


def test_there_are_query_files():
    assert len(ALL_QUERIES) > 0


@pytest.mark.parametrize("query", ALL_QUERIES, ids=lambda q: q.key)
def test_declared_params_are_exactly_the_used_ones(query):
    assert set(query.params) == used_params(query.text), query.path


def query_file(root: Path, name: str, text: str) -> Path:
    """A query file of the area ``people`` under ``root``."""
    area = root / "people"
    area.mkdir(exist_ok=True)
    (area / name).write_text(text)
    return area / name


def long_header_lines(text: str) -> list[str]:
    """Header lines wider than HEADER_WIDTH, but the example params line: it is one command,
    pasted whole into cypher-shell or Browser (docs/analysts.md)."""
    lines = text.splitlines()
    header = lines[: next((i for i, line in enumerate(lines) if not line.startswith("//")), 0)]
    return [
        line
        for line in header
        if len(line) > HEADER_WIDTH and not line.startswith("// example params")
    ]


@pytest.mark.parametrize("query", ALL_QUERIES, ids=lambda q: q.key)
def test_header_lines_stop_at_100_columns(query):
    long = long_header_lines(query.text)
    assert not long, f"{query.path}: wrap at {HEADER_WIDTH}, going on with '//   ': {long}"


def test_the_width_check_sees_a_long_header_line_but_not_the_example_or_the_body():
    wide = "x" * HEADER_WIDTH
    text = (
        f"// returns: {wide}\n// example params (cypher-shell / Browser): :params {{a: '{wide}'}}"
    )
    assert long_header_lines(f"{text}\nRETURN '{wide}'") == [f"// returns: {wide}"]


def test_a_wrapped_field_goes_on_over_its_continuation_lines(tmp_path):
    path = query_file(
        tmp_path,
        "get.v1.cypher",
        "// name: people.get\n// version: 1\n// mode: read\n// params: id (string),\n"
        "//   other (int)\n// returns: the person's\n//   profile\n"
        "// example params (cypher-shell / Browser): :params {id: '1', other: 2}\n"
        "//\n// note: free text\n//   state: not a field of its own\n"
        "MATCH (p:Person {id: $id}) WHERE $other > 0 RETURN p",
    )
    query = parse_query_file(path, "people")
    assert query.params == {"id": "string", "other": "int"}
    assert query.returns == "the person's profile"
    assert query.examples == (":params {id: '1', other: 2}",)


@pytest.mark.parametrize("query", ALL_QUERIES, ids=lambda q: q.key)
def test_explain_against_the_real_database(query, database):
    with database.session() as session:
        summary = session.run(
            "EXPLAIN " + query.text, {name: None for name in query.params}
        ).consume()
    assert summary.plan is not None


@pytest.mark.parametrize("query", [q for q in ALL_QUERIES if q.mode == "read"], ids=lambda q: q.key)
def test_read_queries_plan_no_writes(query, database):
    with database.session() as session:
        summary = session.run(
            "EXPLAIN " + query.text, {name: None for name in query.params}
        ).consume()
    # "r" for MATCH queries; procedure calls such as dbms.components() report "s".
    assert summary.query_type in ("r", "s"), (
        f"{query.key} is declared read but plans as {summary.query_type}"
    )


def test_used_params_ignores_comments_and_strings():
    text = "// uses $not_this\nMATCH (p {id: $id}) WHERE p.note = '$nor_this' RETURN p /* $no */"
    assert used_params(text) == {"id"}


def test_bind_refuses_missing_and_extra_params():
    query = registry().get("auth.person_for_token", 1)
    assert query.bind(token_hash="x") == {"token_hash": "x"}
    with pytest.raises(TypeError):
        query.bind()
    with pytest.raises(TypeError):
        query.bind(token_hash="x", other=1)


def test_header_must_match_file_name(tmp_path):
    query_file(
        tmp_path,
        "get.v2.cypher",
        "// name: people.get\n// version: 1\n// mode: read\n// params: id (string)\n"
        "// returns: x\nMATCH (p {id: $id}) RETURN p",
    )
    with pytest.raises(QueryFileError, match="file name says"):
        QueryRegistry(tmp_path)


def test_registry_hands_out_by_name_and_version(tmp_path):
    for version in (1, 2):
        first = query_file(
            tmp_path,
            f"get.v{version}.cypher",
            f"// name: people.get\n// version: {version}\n// mode: read\n// params: id (string)\n"
            f"// returns: x\n// example params (cypher-shell / Browser): :params {{id: '1'}}\n"
            f"MATCH (p {{id: $id}}) RETURN p, {version} AS v",
        )
    reg = QueryRegistry(tmp_path)
    assert reg.get("people.get", 1).version == 1
    assert reg.latest("people.get").version == 2
    assert reg.get("people.get", 2).examples == (":params {id: '1'}",)
    assert reg.get("people.get", 2).example_params == ":params {id: '1'}"
    assert parse_query_file(first.with_name("get.v1.cypher"), "people").params == {"id": "string"}
    with pytest.raises(KeyError):
        reg.get("people.get", 3)
