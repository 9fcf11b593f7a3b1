"""What ships: pinned installs from the lock files, an image that installs the package
normally with the Cypher files inside, and a docker-compose.yml whose neo4j service starts.

No Docker engine runs here, so the neo4j service's environment is proven the way the image
would use it: every NEO4J_* variable goes through the image's own rule into a neo4j.conf,
and the real server jars validate that file (`neo4j-admin server validate-config`)."""

from __future__ import annotations

import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from backend.config import PROJECT_ROOT
from backend.local_neo4j import LocalNeo4j, find_java
from backend.migrations import discover
from backend.queries import registry

# -- docker-compose.yml -------------------------------------------------------------------

COMPOSE = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
# The official image's entrypoint (5.x) reads these itself and writes no setting for them;
# every other NEO4J_* variable becomes a neo4j.conf line.
IMAGE_OWN_VARIABLES = {
    "NEO4J_ACCEPT_LICENSE_AGREEMENT",
    "NEO4J_AUTH",
    "NEO4J_AUTH_PATH",
    "NEO4J_DEBUG",
    "NEO4J_EDITION",
    "NEO4J_HOME",
    "NEO4J_PLUGINS",
    "NEO4J_SHA256",
    "NEO4J_TARBALL",
    "NEO4J_DEPRECATION_WARNING",
}
_INTERPOLATION = re.compile(
    r"\$\$|\$\{(?P<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?P<op>:?[-?])(?P<arg>[^}]*))?\}"
)


def interpolate(value: str, env: dict[str, str]) -> str:
    """Compose's variable substitution (${X}, ${X:-default}, ${X-default}, ${X:?error}, $$)."""

    def replace(match: re.Match) -> str:
        if match[0] == "$$":
            return "$"
        name, op, arg = match["name"], match["op"], match["arg"]
        value = env.get(name)
        if op in (":-", "-"):
            return arg if (value is None or (op == ":-" and value == "")) else value
        if op in (":?", "?"):
            if value is None or (op == ":?" and value == ""):
                raise ValueError(f"compose would stop: {name}: {arg}")
            return value
        return value or ""

    return _INTERPOLATION.sub(replace, value)


def image_settings(environment: dict[str, str]) -> list[str]:
    """neo4j.conf lines as the image's entrypoint writes them: NEO4J_ dropped, `_` -> `.`,
    then `..` (from `__`) -> `_`; empty values and settings starting with a digit skipped."""
    lines = []
    for name, value in sorted(environment.items(), reverse=True):
        if not name.startswith("NEO4J_") or name in IMAGE_OWN_VARIABLES or value == "":
            continue
        setting = name[len("NEO4J_") :].replace("_", ".").replace("..", "_")
        if not setting[0].isdigit():
            lines.append(f"{setting}={value}")
    return lines


def validate_config(lines: list[str], home: Path, settings) -> subprocess.CompletedProcess:
    """The server's own check (what `neo4j-admin server validate-config` runs)."""
    server = LocalNeo4j(settings.local)
    server.ensure_jars()
    (home / "conf").mkdir(parents=True)
    (home / "conf" / "neo4j.conf").write_text("\n".join(lines) + "\n")
    return subprocess.run(
        [
            find_java(),
            "-cp",
            str(server.lib / "*"),
            "org.neo4j.server.startup.Neo4jAdminCommand",
            "server",
            "validate-config",
        ],
        env=dict(os.environ, NEO4J_HOME=str(home), NEO4J_CONF=str(home / "conf")),
        capture_output=True,
        text=True,
        timeout=180,
    )


def neo4j_environment(env: dict[str, str]) -> dict[str, str]:
    service = COMPOSE["services"]["neo4j"]
    return {name: interpolate(str(value), env) for name, value in service["environment"].items()}


def test_the_neo4j_service_environment_is_valid_neo4j_configuration(tmp_path, settings):
    environment = neo4j_environment({"NEO4J_PASSWORD": "a-long-password"})
    assert environment["NEO4J_AUTH"] == "neo4j/a-long-password"
    lines = image_settings(environment)
    assert "server.memory.heap.max_size=1G" in lines
    assert "dbms.usage_report.enabled=false" in lines
    result = validate_config(lines, tmp_path / "ok", settings)
    assert result.returncode == 0 and "No issues found" in result.stdout, (
        result.stdout + result.stderr
    )


def test_the_check_refuses_what_the_old_compose_file_passed(tmp_path, settings):
    """NEO4J_PASSWORD becomes the setting PASSWORD, which Neo4j 5 refuses to start with."""
    lines = image_settings(
        {
            "NEO4J_AUTH": "neo4j/x",
            "NEO4J_PASSWORD": "a-long-password",
            "NEO4J_server_memory_heap_max__size": "1G",
        }
    )
    assert lines == ["server.memory.heap.max_size=1G", "PASSWORD=a-long-password"]
    result = validate_config(lines, tmp_path / "bad", settings)
    assert result.returncode != 0
    assert "No declared setting with name: PASSWORD" in result.stdout + result.stderr


def test_compose_needs_the_password_and_nothing_else():
    with pytest.raises(ValueError, match="NEO4J_PASSWORD"):
        neo4j_environment({})
    overridden = neo4j_environment({"NEO4J_PASSWORD": "pw-pw-pw-pw", "NEO4J_HEAP": "4G"})
    assert overridden["NEO4J_server_memory_heap_max__size"] == "4G"


def _seconds(duration: str) -> float:
    total = 0.0
    for amount, unit in re.findall(r"(\d+(?:\.\d+)?)(ms|s|m|h)", duration):
        total += float(amount) * {"ms": 0.001, "s": 1, "m": 60, "h": 3600}[unit]
    return total


def test_compose_healthchecks_and_shutdown():
    neo4j, api = COMPOSE["services"]["neo4j"], COMPOSE["services"]["api"]
    check = " ".join(neo4j["healthcheck"]["test"])
    assert "$" not in check  # needs no variable (the old one read NEO4J_PASSWORD, never set)
    assert "wget" in check and "7474" in check  # wget ships in the image (curl is purged)
    assert api["depends_on"]["neo4j"]["condition"] == "service_healthy"
    graceful = float(
        re.search(
            r"^graceful_timeout\s*=\s*(\d+)", (PROJECT_ROOT / "gunicorn.conf.py").read_text(), re.M
        )[1]
    )
    assert _seconds(api["stop_grace_period"]) > graceful
    assert _seconds(neo4j["stop_grace_period"]) >= 60
    assert api["environment"]["NEO4J_USERNAME"] == "neo4j"
    assert "NEO4J_PASSWORD" not in neo4j["environment"]


# -- the image ---------------------------------------------------------------------------

DOCKERFILE = (PROJECT_ROOT / "Dockerfile").read_text()


def test_the_image_installs_from_the_lock_and_not_editable():
    installs = [line for line in DOCKERFILE.splitlines() if "pip install" in line]
    assert any("--require-hashes -r /tmp/requirements.txt" in line for line in installs)
    assert all(" -e " not in line and "--editable" not in line for line in installs)
    assert "--no-deps /tmp/wheels/*.whl" in DOCKERFILE
    final_stage = DOCKERFILE.rsplit("FROM ", 1)[1]
    assert "COPY app.py gunicorn.conf.py ./" in final_stage
    assert "COPY backend" not in final_stage and "COPY cypher" not in final_stage
    for path in re.findall(r"^COPY (?!--from)(.+) \S+$", DOCKERFILE, re.M):
        for name in path.split():
            assert (PROJECT_ROOT / name).exists(), name


def test_the_wheel_carries_the_cypher_files_and_uses_them(tmp_path):
    source = tmp_path / "src"  # a clean copy: no build/ or egg-info left in the work tree
    shutil.copytree(
        PROJECT_ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv",
            ".neo4j*",
            "__pycache__",
            "build",
            "*.egg-info",
            ".pytest_cache",
            ".hypothesis",
            "bench",
        ),
    )
    wheels = tmp_path / "wheels"
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = wheels.glob("mutuals-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    packaged = {n for n in names if n.startswith("backend/_cypher/") and n.endswith(".cypher")}
    in_repo = {
        f"backend/_cypher/{p.relative_to(PROJECT_ROOT / 'cypher')}"
        for p in (PROJECT_ROOT / "cypher").rglob("*.cypher")
    }
    assert packaged == in_repo
    target = tmp_path / "site"
    installed = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stderr
    probe = (
        "import backend, backend.queries as q, backend.migrations as m; "
        "print(backend.__file__); print(q.QUERIES_DIR); print(len(q.registry())); "
        "print(len(m.discover()))"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env=dict(os.environ, PYTHONPATH=str(target)),
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    module, queries_dir, n_queries, n_migrations = run.stdout.split()
    assert module.startswith(str(target)) and queries_dir.startswith(str(target))
    assert int(n_queries) == len(registry()) and int(n_migrations) == len(discover())


# -- the lock files ------------------------------------------------------------------------


def read_lock(name: str) -> dict[str, list[tuple[str, str]]]:
    """package -> [(version, marker)], with every pin hashed."""
    pins: dict[str, list[tuple[str, str]]] = {}
    text = (PROJECT_ROOT / name).read_text()
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        first = block.split("\n", 1)[0].rstrip(" \\")
        if first.startswith("#") or not first.strip():
            continue
        requirement = Requirement(first)
        assert "--hash=sha256:" in block, f"{name}: {first} has no hash"
        (spec,) = requirement.specifier
        assert spec.operator == "==", first
        pins.setdefault(canonicalize_name(requirement.name), []).append(
            (spec.version, str(requirement.marker or ""))
        )
    return pins


def _pyproject_requirements(extra: str | None) -> list[Requirement]:
    import tomllib

    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    return [
        Requirement(r)
        for r in (project["optional-dependencies"][extra] if extra else project["dependencies"])
    ]


def _series(version: str) -> tuple[str, ...]:
    parts = version.split(".")
    return tuple(parts[:2]) if parts[0] == "0" else (parts[0],)


def test_every_dependency_has_a_range_that_names_its_major_and_a_pin_within_it():
    dev_lock, runtime_lock = read_lock("requirements-dev.txt"), read_lock("requirements.txt")
    for extra, lock in ((None, runtime_lock), (None, dev_lock), ("dev", dev_lock)):
        for requirement in _pyproject_requirements(extra):
            assert any(s.operator == "<" for s in requirement.specifier), (
                f"{requirement}: no upper bound"
            )
            pins = lock[canonicalize_name(requirement.name)]
            (lower,) = [s.version for s in requirement.specifier if s.operator == ">="]
            for version, _ in pins:
                assert requirement.specifier.contains(version, prereleases=True), (
                    requirement,
                    version,
                )
                # The range names the major the suite runs with (the minor, for 0.x).
                assert _series(lower) == _series(version), (requirement, version)
    for name, pins in runtime_lock.items():  # the image runs the versions the tests ran
        assert dev_lock[name] == pins, name


def test_the_driver_is_the_6_x_line_with_its_matching_rust_extension():
    lock = read_lock("requirements-dev.txt")
    ((driver, _),), ((rust, _),) = lock["neo4j"], lock["neo4j-rust-ext"]
    assert driver.split(".")[0] == "6"
    assert rust.startswith(driver + ".")  # neo4j-rust-ext X.Y.Z.n accelerates neo4j X.Y.Z


def test_this_environment_was_installed_from_the_lock():
    from packaging.markers import Marker

    for name, pins in read_lock("requirements-dev.txt").items():
        wanted = [v for v, marker in pins if not marker or Marker(marker).evaluate()]
        if wanted:  # not, e.g., colorama (Windows only)
            assert importlib.metadata.version(name) in wanted, name


def test_make_ci_and_docker_install_from_the_lock_and_make_lock_refreshes_it():
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    assert "pip install -q --require-hashes -r requirements-dev.txt" in makefile
    assert "pip install -q --no-deps -e ." in makefile
    assert re.search(r"^lock:", makefile, re.M)
    assert "make test" in (PROJECT_ROOT / ".ci" / "run").read_text()
    for name in ("requirements.txt", "requirements-dev.txt"):
        header = (PROJECT_ROOT / name).read_text().split("\n", 3)[1]
        assert "uv pip compile --universal --python-version 3.11 --generate-hashes" in header, (
            header
        )


def test_the_lock_files_match_pyproject(tmp_path):
    """Re-resolving with the current pins kept changes nothing (asks PyPI, as `make` does)."""
    uv = str(Path(sys.executable).parent / "uv")
    args = ["--quiet", "--universal", "--python-version", "3.11", "--generate-hashes"]
    for name, extra in (
        ("requirements.txt", []),
        ("requirements-dev.txt", ["--extra", "dev", "-c", "requirements.txt"]),
    ):
        copy = tmp_path / name
        shutil.copy(PROJECT_ROOT / name, copy)
        result = subprocess.run(
            [uv, "pip", "compile", *args, *extra, "pyproject.toml", "-o", str(copy)],
            cwd=PROJECT_ROOT,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stderr
        strip = lambda text: "\n".join(text.splitlines()[2:])  # noqa: E731 - the header names -o
        assert strip(copy.read_text()) == strip((PROJECT_ROOT / name).read_text()), (
            f"{name} is stale: run `make lock`"
        )
