"""The registry of named, versioned Cypher queries.

Each file ``cypher/queries/<area>/<name>.v<N>.cypher`` holds one statement under a comment
header (see docs/architecture.md and docs/analysts.md), as
``cypher/queries/connections/request_budget.v1.cypher`` does::

    // name: connections.request_budget
    // version: 1
    // mode: read
    // params: person_id (string), since (datetime)
    // returns: one row when the person exists: pending_outgoing (requests I sent that are still
    //   there, ignored ones included), sent_since (the times I sent requests after since)
    // example params (cypher-shell / Browser): :params {person_id: '1', since: datetime()}

Header lines stop at 100 columns: a field goes on over lines that start ``//`` and more than
one space. The example line is the exception: one Cypher map after ``:params``, on one line,
that pasted into cypher-shell (or ``mutuals neo4j shell``) or Neo4j Browser sets every
parameter the statement needs. Code runs it by name and version through the app's
``Database`` (``db.read("connections.request_budget", 1, ...)``, or
``run(tx, db.query("connections.request_budget", 1), ...)`` inside a transaction function);
analysts run the same file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from backend.config import PROJECT_ROOT

# The repository's cypher/ (a checkout or an editable install), else the copy that a built
# wheel carries inside the package (setup.py puts it at backend/_cypher).
_PACKAGED_CYPHER = Path(__file__).resolve().parent / "_cypher"
CYPHER_DIR = _PACKAGED_CYPHER if _PACKAGED_CYPHER.is_dir() else PROJECT_ROOT / "cypher"
QUERIES_DIR = CYPHER_DIR / "queries"
_FILE_NAME = re.compile(r"^(?P<name>[a-z0-9_]+)\.v(?P<version>[1-9][0-9]*)\.cypher$")
_HEADER_LINE = re.compile(r"^//\s*(?P<key>[a-z ]+?)(?:\s*\([^)]*\))?\s*:\s*(?P<value>.*)$")
# Header lines stop at 100 columns; a field goes on over lines that start "//" + 3 spaces.
HEADER_WIDTH = 100
_CONTINUATION = re.compile(r"^//\s{2,}\S")
_PARAM_DECL = re.compile(r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<type>[^)]*)\))?$")
_PARAM_USE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# Comments and string literals may mention "$x" without it being a parameter.
_NOT_CODE = re.compile(r"//[^\n]*|/\*.*?\*/|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"", re.S)
MODES = ("read", "write", "schema")
# `// example params (cypher-shell / Browser): :params {a: 1, b: 'x'}`: one map literal.
EXAMPLE_PARAMS = re.compile(r"^:params \{.*\}$")


def map_keys(map_literal: str) -> list[str]:
    """The top-level keys of a Cypher map literal ``{a: 1, b: [2, 3], c: {d: 4}}``."""
    body = map_literal.strip()
    if not (body.startswith("{") and body.endswith("}")):
        raise ValueError(f"not a map literal: {map_literal!r}")
    keys, depth, quote, token = [], 0, None, ""
    for char in body[1:-1] + ",":
        if quote:
            token += char
            if char == quote:
                quote = None
            continue
        if char in "'\"`":
            quote = char
        elif char in "[({":
            depth += 1
        elif char in "])}":
            depth -= 1
        elif char == "," and depth == 0:
            if token.strip():
                key, sep, _ = token.partition(":")
                if not sep:
                    raise ValueError(f"no key in {token.strip()!r}")
                keys.append(key.strip().strip("`"))
            token = ""
            continue
        token += char
    return keys


class QueryFileError(ValueError):
    """A query file breaks the convention (bad name, missing header field, ...)."""


@dataclass(frozen=True)
class Query:
    name: str
    version: int
    mode: str
    params: dict[str, str]  # declared name -> declared type, in header order
    returns: str
    examples: tuple[str, ...]
    text: str
    path: Path

    @property
    def key(self) -> str:
        return f"{self.name}.v{self.version}"

    @property
    def example_params(self) -> str | None:
        """The header's ``:params {...}`` command (the one example line), or None."""
        if len(self.examples) == 1 and EXAMPLE_PARAMS.match(self.examples[0]):
            return self.examples[0]
        return None

    def bind(self, **values) -> dict:
        """The parameter map for a run; refuses missing or undeclared names (a coding error)."""
        missing = self.params.keys() - values.keys()
        extra = values.keys() - self.params.keys()
        if missing or extra:
            raise TypeError(
                f"{self.key}: missing params {sorted(missing)}, unexpected {sorted(extra)}"
            )
        return values


def used_params(text: str) -> set[str]:
    """The ``$params`` a statement refers to, outside comments and string literals."""
    return set(_PARAM_USE.findall(_NOT_CODE.sub(" ", text)))


def parse_query_file(path: Path, area: str) -> Query:
    match = _FILE_NAME.match(path.name)
    if not match:
        raise QueryFileError(f"{path}: file name must be <name>.v<N>.cypher")
    header: dict[str, str] = {}
    examples: list[str] = []
    continued = None  # the field a "//   ..." line goes on with
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("//"):
            break
        if continued and _CONTINUATION.match(line):
            header[continued] += " " + line[2:].strip()
            continue
        field = _HEADER_LINE.match(line)
        continued = None
        if not field:
            continue
        key, value = field["key"].strip(), field["value"].strip()
        if key == "example params":
            examples.append(value)
        else:
            header[key], continued = value, key
    for required in ("name", "version", "mode", "params", "returns"):
        if required not in header:
            raise QueryFileError(f"{path}: header lacks '// {required}:'")
    expected_name = f"{area}.{match['name']}"
    if header["name"] != expected_name or header["version"] != match["version"]:
        raise QueryFileError(
            f"{path}: header says {header['name']} v{header['version']}, "
            f"file name says {expected_name} v{match['version']}"
        )
    if header["mode"] not in MODES:
        raise QueryFileError(f"{path}: mode must be one of {MODES}")
    params: dict[str, str] = {}
    if header["params"].lower() not in ("", "none", "-"):
        for declaration in header["params"].split(","):
            decl = _PARAM_DECL.match(declaration.strip())
            if not decl:
                raise QueryFileError(f"{path}: cannot read param declaration {declaration!r}")
            params[decl["name"]] = (decl["type"] or "any").strip()
    return Query(
        name=expected_name,
        version=int(match["version"]),
        mode=header["mode"],
        params=params,
        returns=header["returns"],
        examples=tuple(examples),
        text=path.read_text(encoding="utf-8"),
        path=path,
    )


class QueryRegistry:
    """The query files under one or more roots (``<root>/<area>/<name>.vN.cypher``): the
    product's, and for the benchmarks theirs too (bench/cypher)."""

    def __init__(self, *roots: Path):
        self.roots = roots or (QUERIES_DIR,)
        self._queries: dict[tuple[str, int], Query] = {}
        for root in self.roots:
            for path in sorted(root.glob("*/*.cypher")):
                query = parse_query_file(path, area=path.parent.name)
                if (query.name, query.version) in self._queries:
                    raise QueryFileError(f"{path}: {query.key} is defined twice")
                self._queries[(query.name, query.version)] = query

    def get(self, name: str, version: int) -> Query:
        try:
            return self._queries[(name, version)]
        except KeyError:
            raise KeyError(f"no query {name} v{version} under {self._where}") from None

    def latest(self, name: str) -> Query:
        versions = [q for (n, _), q in self._queries.items() if n == name]
        if not versions:
            raise KeyError(f"no query named {name} under {self._where}")
        return max(versions, key=lambda q: q.version)

    @property
    def _where(self) -> str:
        return ", ".join(str(root) for root in self.roots)

    def __iter__(self):
        return iter(sorted(self._queries.values(), key=lambda q: (q.name, q.version)))

    def __len__(self) -> int:
        return len(self._queries)


_default: QueryRegistry | None = None


def registry() -> QueryRegistry:
    """The registry of the project's own query files, loaded once per process."""
    global _default
    if _default is None:
        _default = QueryRegistry()
    return _default
