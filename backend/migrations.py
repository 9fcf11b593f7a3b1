"""Versioned schema migrations: ``cypher/migrations/V<NNNN>__<what>.cypher``.

Files are applied in version order, once; each is recorded in the graph as a
``(:__MutualsMigration {version, description, checksum, installed_on})`` node. Editing a file
after it was applied is refused (checksum mismatch): write a new version instead. The file
naming is neo4j-migrations', so that tool can apply the same folder.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from backend.queries import CYPHER_DIR

MIGRATIONS_DIR = CYPHER_DIR / "migrations"
LABEL = "__MutualsMigration"
_FILE_NAME = re.compile(r"^V(?P<version>\d+)__(?P<description>\w+)\.cypher$")
_COMMENT = re.compile(r"^\s*//.*$", re.M)


class MigrationError(RuntimeError):
    pass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    path: Path

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")

    @property
    def checksum(self) -> str:
        return format(zlib.crc32(self.text.encode("utf-8")), "08x")

    def statements(self) -> list[str]:
        """Statements are separated by ';' at the end of a line (schema commands cannot share
        a transaction, so each runs on its own)."""
        body = _COMMENT.sub("", self.text)
        return [s.strip() for s in re.split(r";\s*$", body, flags=re.M) if s.strip()]


def discover(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    found = []
    for path in sorted(directory.glob("*.cypher")):
        match = _FILE_NAME.match(path.name)
        if not match:
            raise MigrationError(f"{path.name}: migration files are named V<NNNN>__<what>.cypher")
        found.append(Migration(int(match["version"]), match["description"], path))
    versions = [m.version for m in found]
    if len(set(versions)) != len(versions):
        raise MigrationError(f"two migration files share a version in {directory}")
    return sorted(found, key=lambda m: m.version)


def applied(session) -> dict[int, str]:
    """version -> checksum of what the graph says was applied."""
    result = session.run(f"MATCH (m:{LABEL}) RETURN m.version AS version, m.checksum AS checksum")
    return {record["version"]: record["checksum"] for record in result}


def pending(session, directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """Migrations not yet applied; raises when an applied file was edited or removed."""
    done = applied(session)
    files = discover(directory)
    for migration in files:
        if migration.version in done and done[migration.version] != migration.checksum:
            raise MigrationError(
                f"{migration.path.name} was edited after it was applied "
                f"(checksum {migration.checksum}, recorded {done[migration.version]}); "
                "restore it and add a new migration instead"
            )
    missing = done.keys() - {m.version for m in files}
    if missing:
        raise MigrationError(f"the graph records migrations with no file: {sorted(missing)}")
    return [m for m in files if m.version not in done]


def migrate(session, directory: Path = MIGRATIONS_DIR, on_apply=None) -> list[Migration]:
    """Apply what is pending, in order; returns what was applied (empty when up to date)."""
    session.run(
        f"CREATE CONSTRAINT mutuals_migration_version IF NOT EXISTS "
        f"FOR (m:{LABEL}) REQUIRE m.version IS UNIQUE"
    ).consume()
    todo = pending(session, directory)
    for migration in todo:
        for statement in migration.statements():
            session.run(statement).consume()
        session.run(
            f"CREATE (:{LABEL} {{version: $version, description: $description, "
            f"checksum: $checksum, installed_on: datetime()}})",
            version=migration.version,
            description=migration.description,
            checksum=migration.checksum,
        ).consume()
        if on_apply:
            on_apply(migration)
    return todo
