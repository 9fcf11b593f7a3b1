"""``mutuals query NAME``: run a named query file read-only, as analysts do.

Three guards keep it read-only: the file's header must say ``mode: read``; EXPLAIN must plan
it as a read (``r``, or ``s`` for a procedure call that is not a schema command); and it runs
in a read transaction (``Database.read_tx``: a session opened with ``default_access_mode=READ``),
so the server refuses any write that slipped through. Params are given as ``--param key=value`` and typed
by the header's declarations (``person_id (string)``, ``limit (int)``, ``ids (list of strings)``).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date, datetime
from typing import Any

import click
import neo4j
from flask.cli import with_appcontext
from neo4j.exceptions import DriverError, Neo4jError

from backend import errors
from backend.app_services import app_services
from backend.db import Database
from backend.queries import Query, registry

FORMATS = ("table", "csv", "json")


class ParamError(ValueError):
    pass


def parse_value(raw: str, declared: str) -> Any:
    """A command-line value as the declared type. ``null`` is None for every type."""
    kind = declared.strip().lower()
    if raw == "null":
        return None
    if "list" in kind or kind.endswith("[]"):
        try:
            value = json.loads(raw)
        except json.JSONDecodeError:
            value = [part.strip() for part in raw.split(",")] if raw else []
        if not isinstance(value, list):
            raise ParamError(f'want a JSON list such as ["a", "b"] (or a,b), got {raw!r}')
        element = kind.replace("list", "").replace("of", "").replace("[]", "").strip(" <>")
        return [
            parse_value(v, element)
            if isinstance(v, str) and element not in ("", "string", "strings")
            else v
            for v in value
        ]
    try:
        if kind.startswith("int"):
            return int(raw)
        if kind in ("float", "number", "double"):
            return float(raw)
        if kind.startswith("bool"):
            if raw.lower() not in ("true", "false"):
                raise ValueError
            return raw.lower() == "true"
        if kind.startswith("datetime"):
            return datetime.now().astimezone() if raw == "now" else datetime.fromisoformat(raw)
        if kind == "date":
            return date.today() if raw == "today" else date.fromisoformat(raw)
        if kind.startswith("map") or kind == "json":
            value = json.loads(raw)
            if not isinstance(value, dict):
                raise ValueError
            return value
    except (ValueError, json.JSONDecodeError):
        raise ParamError(f"want {declared}, got {raw!r}") from None
    if kind.startswith("string") or kind in ("str", "text", "id"):
        return raw
    # An undeclared type ("any"): JSON when it reads as JSON, text otherwise.
    try:
        return json.loads(raw)
    except json.JSONDecodeError:
        return raw


def bind_params(query: Query, pairs: tuple[str, ...]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        key = key.strip()
        if not sep:
            raise ParamError(f"--param wants key=value, got {pair!r}")
        if key not in query.params:
            raise ParamError(f"{query.key} takes no param {key!r}; it takes: {_declared(query)}")
        try:
            values[key] = parse_value(raw, query.params[key])
        except ParamError as error:
            raise ParamError(f"{key}: {error}") from None
    missing = [name for name in query.params if name not in values]
    if missing:
        wanted = ", ".join(f"{name} ({query.params[name]})" for name in missing)
        raise ParamError(f"{query.key} needs --param for: {wanted}")
    return values


def _declared(query: Query) -> str:
    return ", ".join(f"{n} ({t})" for n, t in query.params.items()) or "nothing"


def refuse_declared_writes(query: Query) -> None:
    if query.mode != "read":
        raise click.ClickException(
            f"{query.key} is a {query.mode} query (its header says "
            f"'mode: {query.mode}'); mutuals query runs read queries only"
        )


def refuse_planned_writes(db: Database, query: Query, params: dict[str, Any]) -> None:
    """EXPLAIN must plan a read: 'r', or 's' for a procedure call (schema commands also
    report 's', but come from the ADMINISTRATION planner)."""
    with db.session(default_access_mode=neo4j.READ_ACCESS) as session:
        summary = session.run("EXPLAIN " + query.text, params).consume()
    admin = (summary.plan or {}).get("args", {}).get("planner-impl") == "ADMINISTRATION"
    if summary.query_type not in ("r", "s") or (summary.query_type == "s" and admin):
        raise click.ClickException(
            f"{query.key} is declared read but plans as a write "
            f"(query type {summary.query_type!r}); refused"
        )


def run_read(db: Database, query: Query, params: dict[str, Any]) -> tuple[list[str], list[dict]]:
    """In a read transaction, bounded like any background work
    (``MUTUALS_DB_BACKGROUND_TIMEOUT_S``)."""

    def work(tx):
        result = tx.run(query.text, params)
        rows = [record.data() for record in result]
        return list(result.keys()), rows

    return db.read_tx(work)


def _plain(value: Any) -> Any:
    """A JSON-friendly value: temporal types as ISO text, the rest as the driver gives it."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _cell(value: Any) -> str:
    value = _plain(value)
    if value is None:
        return ""
    if isinstance(value, (dict, list, bool)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def render(columns: list[str], rows: list[dict], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([_plain(row) for row in rows], ensure_ascii=False, indent=2)
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(cells)
        return out.getvalue().rstrip("\n")
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = [
        " | ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)),
        "-+-".join("-" * w for w in widths),
    ]
    lines += [" | ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)) for r in cells]
    lines.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(line.rstrip() for line in lines)


def describe(query: Query) -> str:
    lines = [
        f"{query.name} v{query.version}  ({query.mode})  {query.path.relative_to(query.path.parents[3])}",
        f"  params:  {_declared(query)}",
        f"  returns: {query.returns}",
    ]
    lines += [f"  example: {example}" for example in query.examples]
    return "\n".join(lines)


@click.command()
@click.argument("name", required=False)
@click.option("--version", "version", type=int, help="Query version (default: the latest).")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A parameter, typed by the header (JSON for lists; null for none). Repeatable.",
)
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True)
@click.option("--list", "list_", is_flag=True, help="List every query file with its header.")
@with_appcontext
def query(name, version, params, fmt, list_):
    """Run the named query file NAME (e.g. network.second_degree) read-only."""
    queries = registry()
    if list_:
        click.echo("\n\n".join(describe(q) for q in queries))
        return
    if not name:
        raise click.UsageError("give a query NAME, or --list")
    try:
        chosen = queries.get(name, version) if version else queries.latest(name)
    except KeyError as error:
        raise click.ClickException(f"{error.args[0]}; see mutuals query --list") from None
    refuse_declared_writes(chosen)
    try:
        values = bind_params(chosen, params)
    except ParamError as error:
        raise click.UsageError(str(error)) from None
    db = app_services().db
    try:
        refuse_planned_writes(db, chosen, values)
        columns, rows = run_read(db, chosen, values)
    except (Neo4jError, DriverError, errors.Problem) as error:
        raise click.ClickException(f"{chosen.key}: {error}") from None
    click.echo(render(columns, rows, fmt))
