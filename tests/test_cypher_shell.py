"""Analysts' shell: `mutuals neo4j shell` fetches cypher-shell 5.26 from Maven Central into the
local folder and runs it against the configured database; every read query file runs in it,
unchanged, after its header's `:params {...}` line."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from backend.config import PROJECT_ROOT
from harness.queries import bench_registry

MUTUALS = str(Path(sys.executable).parent / "mutuals")
# The product's query files and the benchmarks' (bench/cypher).
READ_QUERIES = [q for q in bench_registry() if q.mode == "read"]


def shell(*args: str, stdin: str | None = None, env: dict | None = None, timeout: float = 300):
    return subprocess.run(
        [MUTUALS, "neo4j", "shell", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=PROJECT_ROOT,
        env=dict(os.environ, **(env or {})),
    )


def script_of(queries, tmp_path: Path) -> Path:
    """One cypher-shell script: per file, a marker row, the header's :params line, the file."""
    lines = []
    for query in queries:
        lines.append(f"RETURN 'running {query.key}' AS marker;")
        lines.append(query.example_params)
        lines.append(query.text.rstrip().rstrip(";") + ";")
    path = tmp_path / "all_read_queries.cypher"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_shell_is_fetched_once_and_is_5_26(settings):
    result = shell("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("Cypher-Shell 5.26."), result.stdout
    assert any((settings.local.home / "cypher-shell" / "lib").glob("cypher-shell-5.26.*.jar"))
    again = shell("--version")
    assert "fetched" not in again.stderr  # the second run reuses the jars


def test_shell_runs_against_the_configured_database(cypher):
    cypher("CREATE (:Person {id: 'shell-probe', name: 'Probe'})")
    result = shell(
        "--format", "plain", stdin="MATCH (p:Person {id: 'shell-probe'}) RETURN p.name AS name;\n"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["name", '"Probe"']


def test_shell_names_an_authentication_failure_in_one_line(settings):
    # A user that does not exist: a wrong password for `neo4j` would lock that account.
    result = shell(
        "--format",
        "plain",
        stdin="RETURN 1;\n",
        env={
            "NEO4J_URI": settings.neo4j_uri,
            "NEO4J_USERNAME": "shell-nobody",
            "NEO4J_USER": "",
            "NEO4J_PASSWORD": "wrong",
        },
    )
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "authentication failure" in output or "incorrect authentication details" in output, (
        output
    )
    assert len((result.stdout + result.stderr).strip().splitlines()) == 1


def test_every_read_query_file_runs_in_cypher_shell_with_its_example_params(database, tmp_path):
    assert len(READ_QUERIES) > 20
    script = script_of(READ_QUERIES, tmp_path)
    result = shell("--format", "plain", "--access-mode", "read", "-f", str(script))
    markers = [line for line in result.stdout.splitlines() if line.startswith('"running ')]
    last = markers[-1] if markers else "(none)"
    assert result.returncode == 0, f"stopped at {last}:\n{result.stderr[-3000:]}"
    assert len(markers) == len(READ_QUERIES)


def test_the_runner_fails_on_a_broken_file(database, tmp_path):
    """The check above can fail: a statement that errors stops the script with a non-zero code."""
    query = READ_QUERIES[0]
    broken = type(query)(**{**query.__dict__, "text": "RETURN toInteger($nope) + 'x'"})
    script = script_of([broken], tmp_path)
    result = shell("--format", "plain", "--access-mode", "read", "-f", str(script))
    assert result.returncode != 0


@pytest.mark.parametrize("query", list(bench_registry()), ids=lambda q: q.key)
def test_header_example_is_one_params_map_with_exactly_the_declared_params(query):
    from backend.queries import map_keys

    assert query.example_params, (
        f"{query.path}: want one line '// example params (cypher-shell / Browser): :params {{...}}'"
    )
    keys = map_keys(query.example_params[len(":params ") :])
    assert sorted(keys) == sorted(query.params), query.path
