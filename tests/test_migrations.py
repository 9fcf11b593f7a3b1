"""Migrations: applied once, in order, recorded with a checksum; edited files refused."""

from __future__ import annotations

import shutil

import pytest

from backend import migrations
from backend.cli import cli


def test_migrate_twice_changes_nothing(database, cypher):
    before = cypher(
        "MATCH (m:__MutualsMigration) RETURN m.version AS v, m.checksum AS c ORDER BY v"
    )
    schema_before = cypher("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names")
    with database.session() as session:
        assert migrations.migrate(session) == []
        assert migrations.migrate(session) == []
    assert (
        cypher("MATCH (m:__MutualsMigration) RETURN m.version AS v, m.checksum AS c ORDER BY v")
        == before
    )
    assert cypher("SHOW CONSTRAINTS YIELD name RETURN collect(name) AS names") == schema_before
    assert [row["v"] for row in before] == [m.version for m in migrations.discover()]


def test_every_migration_is_recorded_with_its_checksum(cypher):
    recorded = {
        r["v"]: r["c"]
        for r in cypher("MATCH (m:__MutualsMigration) RETURN m.version AS v, m.checksum AS c")
    }
    assert recorded == {m.version: m.checksum for m in migrations.discover()}


def test_person_id_is_unique(cypher):
    from neo4j.exceptions import ConstraintError

    cypher("CREATE (:Person {id: 'x'})")
    with pytest.raises(ConstraintError):
        cypher("CREATE (:Person {id: 'x'})")


def test_an_edited_migration_is_refused(database, tmp_path):
    edited = tmp_path / "migrations"
    shutil.copytree(migrations.MIGRATIONS_DIR, edited)
    first = sorted(edited.glob("V*.cypher"))[0]
    first.write_text(first.read_text() + "\n// an innocent-looking edit\n")
    with database.session() as session, pytest.raises(migrations.MigrationError, match="edited"):
        migrations.migrate(session, directory=edited)


def test_a_new_migration_is_applied_in_order(database, cypher, tmp_path):
    folder = tmp_path / "migrations"
    shutil.copytree(migrations.MIGRATIONS_DIR, folder)
    (folder / "V9999__probe_index.cypher").write_text(
        "CREATE INDEX probe_index IF NOT EXISTS FOR (p:Probe) ON (p.x);\n"
    )
    try:
        with database.session() as session:
            applied = migrations.migrate(session, directory=folder)
            assert [m.version for m in applied] == [9999]
            assert migrations.migrate(session, directory=folder) == []
        assert cypher("SHOW INDEXES YIELD name WHERE name = 'probe_index' RETURN name")
    finally:
        cypher("DROP INDEX probe_index IF EXISTS")
        cypher("MATCH (m:__MutualsMigration {version: 9999}) DELETE m")


def test_bad_file_name_is_refused(tmp_path):
    (tmp_path / "add_index.cypher").write_text("RETURN 1;")
    with pytest.raises(migrations.MigrationError, match="V<NNNN>__"):
        migrations.discover(tmp_path)


def test_cli_migrate_reports_up_to_date(app):
    result = app.test_cli_runner().invoke(cli, ["migrate"])
    assert result.exit_code == 0, result.output
    assert "0 applied" in result.output


def test_cli_migrate_against_no_server_is_one_clear_line(database):
    from backend import create_app

    app = create_app({"SETTINGS": {"neo4j_uri": "bolt://127.0.0.1:1"}})
    result = app.test_cli_runner().invoke(cli, ["migrate"])
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: The graph database is unavailable. (bolt://127.0.0.1:1)"
    )
