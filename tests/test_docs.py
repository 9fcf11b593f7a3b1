"""Every path the docs and docstrings name exists: markdown links (and their #anchors) and
repository paths written in the text (`docs/x.md`, `backend/...`, `cypher/queries/<area>/...`,
with `<...>`, `{...}`, `*` and `vN` standing for any name)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from backend.config import PROJECT_ROOT

# Announced, written by work in progress; remove a line when its file lands.
PLANNED: set[str] = set()
TOP_DIRS = ("docs", "backend", "cypher", "tests", "bench", "tools", ".ci")
TOP_FILES = (
    "README.md",
    "Makefile",
    "pom.xml",
    "docker-compose.yml",
    "Dockerfile",
    "setup.py",
    "pyproject.toml",
    "requirements.txt",
    "requirements-dev.txt",
    "app.py",
    "gunicorn.conf.py",
    ".env.example",
    "DESIGN.md",
)
# Generated or local folders, named in the docs but never in a clone.
NOT_IN_A_CLONE = ("bench/out/", ".neo4j", ".venv", "backend/_cypher")

PATH_IN_TEXT = re.compile(
    r"(?<![\w/.<>{}-])((?:" + "|".join(re.escape(d) for d in TOP_DIRS) + r")/[\w.<>{}*/-]*[\w>}*/]"
    r"|(?:" + "|".join(re.escape(f) for f in TOP_FILES) + r"))(?![\w/-])"
)
MD_LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def documents() -> list[Path]:
    files = [
        PROJECT_ROOT / "README.md",
        *sorted((PROJECT_ROOT / "docs").glob("*.md")),
        *sorted((PROJECT_ROOT / "bench").rglob("*.md")),
    ]
    for folder in ("backend", "tests", "bench", "tools"):
        files += sorted(
            p
            for p in (PROJECT_ROOT / folder).rglob("*")
            if p.suffix in (".py", ".xml")
            and "__pycache__" not in p.parts
            and "out" not in p.relative_to(PROJECT_ROOT).parts[:2]
        )
    files += [
        PROJECT_ROOT / name
        for name in (
            "app.py",
            "gunicorn.conf.py",
            "Makefile",
            "Dockerfile",
            "docker-compose.yml",
            ".env.example",
            "pom.xml",
            "setup.py",
            "pyproject.toml",
            ".ci/run",
        )
    ]
    return [f for f in files if f.is_file() and f.name != "test_docs.py"]


def _pattern(path: str) -> str:
    path = re.sub(r"<[^>]*>|\{[^}]*\}", "*", path)
    path = re.sub(r"\.v(N|<N>|\d+\+?)\.", ".v*.", path)
    path = re.sub(r"(?<=/)[A-Z]{3,}(?=[./])", "*", path)  # bench/NAME.py
    path = re.sub(r"\*\*(?!/)", "**/*", path)  # cypher/queries/**.cypher
    return re.sub(r"V(NNNN|<NNNN>)__", "V*__", path)


def exists(path: str) -> bool:
    path = path.rstrip("/.")
    if path in PLANNED or any(path.startswith(p) for p in NOT_IN_A_CLONE):
        return True
    pattern = _pattern(path)
    if "*" in pattern:
        return any(PROJECT_ROOT.glob(pattern))
    return (PROJECT_ROOT / pattern).exists()


def slug(heading: str) -> str:
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(markdown: Path) -> set[str]:
    text, found, code = markdown.read_text(), set(), False
    for line in text.splitlines():
        if line.startswith("```"):
            code = not code
        elif not code and line.startswith("#"):
            found.add(slug(line.lstrip("#")))
    return found


DOCS = documents()


@pytest.mark.parametrize("document", DOCS, ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_every_named_path_exists(document):
    text = document.read_text(errors="replace")
    missing = sorted({m for m in PATH_IN_TEXT.findall(text) if not exists(m)})
    assert not missing, f"{document.relative_to(PROJECT_ROOT)} names missing paths: {missing}"


@pytest.mark.parametrize(
    "document",
    [d for d in DOCS if d.suffix == ".md"],
    ids=lambda p: str(p.relative_to(PROJECT_ROOT)),
)
def test_every_markdown_link_resolves(document):
    broken = []
    for target in MD_LINK.findall(document.read_text()):
        if re.match(r"^[a-z]+:", target):
            continue  # http(s), mailto: not checked offline
        file_part, _, anchor = target.partition("#")
        resolved = (document.parent / file_part).resolve() if file_part else document
        if not resolved.exists():
            broken.append(target)
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved):
            broken.append(target)
    assert not broken, f"{document.relative_to(PROJECT_ROOT)}: broken links {broken}"


def test_the_checker_finds_what_is_missing(tmp_path):
    assert PATH_IN_TEXT.findall(
        "see docs/nothing.md and cypher/queries/<area>/<name>.vN.cypher, not http://x/docs/static"
    ) == ["docs/nothing.md", "cypher/queries/<area>/<name>.vN.cypher"]
    assert not exists("docs/nothing.md") and not exists("DESIGN.md")
    assert exists("cypher/queries/<area>/<name>.vN.cypher")
    assert exists("cypher/migrations/V<NNNN>__<what>.cypher")
    assert slug("Analysts' guide: the `Cypher` files") == "analysts-guide-the-cypher-files"


def test_the_docs_cover_what_a_newcomer_looks_for():
    for page in (
        "configuration",
        "local-neo4j",
        "api",
        "people",
        "discovery",
        "intros",
        "recommendations",
        "analysts",
        "seed",
        "operations",
        "development",
        "architecture",
    ):
        assert (PROJECT_ROOT / "docs" / f"{page}.md").exists(), page
    readme = (PROJECT_ROOT / "README.md").read_text()
    assert len(readme) < 8000  # a front page; the rest lives in docs/
    for page in (
        "configuration",
        "local-neo4j",
        "api",
        "analysts",
        "seed",
        "operations",
        "architecture",
    ):
        assert f"](docs/{page}.md)" in readme, page


def test_every_setting_the_app_reads_is_documented_and_in_the_example_env():
    read = set(
        re.findall(
            r'"((?:MUTUALS|NEO4J)_[A-Z_]+)"', (PROJECT_ROOT / "backend" / "config.py").read_text()
        )
    )
    assert {"NEO4J_URI", "NEO4J_USERNAME", "NEO4J_USER", "MUTUALS_ADMIN_TOKEN"} <= read
    documented = (PROJECT_ROOT / "docs" / "configuration.md").read_text()
    example = (PROJECT_ROOT / ".env.example").read_text()
    assert not {n for n in read if f"`{n}`" not in documented}, "missing in docs/configuration.md"
    assert not {n for n in read - {"NEO4J_USER"} if f"{n}=" not in example}, (
        "missing in .env.example"
    )
