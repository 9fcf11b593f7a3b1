"""``mutuals seed import PATH --format linkedin``: a group's exports, one per member (a folder
or a zip named by the member's id or LinkedIn slug), with members.csv's identities; the API's
rules and report; idempotent; --dry-run; a bad file refuses the whole group."""

from __future__ import annotations

from datetime import date

import pytest

from harness.linkedin_export import connections_csv, export_zip, fake_contacts, profile_csv
from tests.support.cli import run_cli
from tests.support.graph import create_person
from tests.support.linkedin import contact

COUNTS = (
    "CALL () { MATCH (p:Person) RETURN count(p) AS people } "
    "CALL () { MATCH (c:Contact) RETURN count(c) AS contacts } "
    "CALL () { MATCH ()-[c:CONNECTED_TO]->() RETURN count(c) AS connections } "
    "RETURN people, contacts, connections"
)


@pytest.fixture
def group(tmp_path, cypher):
    """ana (a folder) and ben (a zip) are new and list each other; cyd-lee is cyd's slug."""
    create_person(cypher, "cyd", name="Cyd Lee", linkedin_key="in/cyd-lee")
    ana = tmp_path / "ana"
    ana.mkdir()
    (ana / "Profile.csv").write_bytes(profile_csv({"first_name": "Ana", "last_name": "Costa"}))
    (ana / "Connections.csv").write_bytes(
        connections_csv(
            [
                contact("nobody-here", "Ben", "Okafor", date(2020, 3, 1), "ben@example.com"),
                contact("cyd-lee", "Cyd", "Lee", date(2021, 1, 1)),
                *fake_contacts(5, seed=1),
            ],
            bom=True,
        )
    )
    (tmp_path / "ben.zip").write_bytes(
        export_zip(
            {
                "Profile.csv": profile_csv({"first_name": "Ben", "last_name": "Okafor"}),
                "Connections.csv": connections_csv(
                    [
                        contact("ana-costa", "Ana", "Costa", date(2019, 7, 4)),
                        *fake_contacts(3, seed=2),
                    ],
                    preamble="short",
                ),
            }
        )
    )
    (tmp_path / "cyd-lee").mkdir()
    (tmp_path / "cyd-lee" / "Profile.csv").write_bytes(
        profile_csv({"first_name": "Cyd", "last_name": "Lee"})
    )
    (tmp_path / "members.csv").write_text(
        "id,linkedin_url,emails\nana,https://www.linkedin.com/in/ana-costa/,\nben,,ben@example.com\n"
    )
    return tmp_path


def test_a_group_is_loaded_with_the_apis_rules(app, cypher, group):
    result = run_cli(app, "seed", "import", str(group), "--format", "linkedin", "--no-progress")
    assert result.exit_code == 0, result.output
    line = result.output.strip().splitlines()[-1]
    assert line.startswith("import linkedin: members 3, new members 2, ")
    # Members are imported in turn: ana's listing of ben is a suggestion until ben's import
    # lists her back and connects them; ana's listing of cyd stays one.
    assert "connections made 1," in line and "suggestions added 2," in line
    assert cypher(COUNTS) == [{"people": 3, "contacts": 11, "connections": 1}]
    assert cypher(
        "MATCH (a:Person {id: 'ana'})-[c:CONNECTED_TO]-(b:Person {id: 'ben'}) "
        "RETURN a.name AS a, b.name AS b, toString(c.since) AS since"
    ) == [{"a": "Ana Costa", "b": "Ben Okafor", "since": "2019-07-04T00:00:00Z"}]
    assert cypher(
        "MATCH (:Person {id: 'ana'})-[:HAS_CONTACT]->(:Contact)-[:MATCHES]->(p) RETURN p.id AS id ORDER BY id"
    ) == [{"id": "ben"}, {"id": "cyd"}]
    again = run_cli(app, "seed", "import", str(group), "--format", "linkedin", "--no-progress")
    assert again.exit_code == 0, again.output
    assert "contacts added 0," in again.output and "connections made 0," in again.output
    assert cypher(COUNTS) == [{"people": 3, "contacts": 11, "connections": 1}]


def test_a_dry_run_reports_and_writes_nothing(app, cypher, group):
    result = run_cli(app, "seed", "import", str(group), "--format", "linkedin", "--dry-run")
    assert result.exit_code == 0, result.output
    assert "members 3, new members 2, rows read 14, skipped 0" in result.output
    assert "nothing written (--dry-run)" in result.output
    assert cypher(COUNTS) == [{"people": 1, "contacts": 0, "connections": 0}]


def test_a_bad_file_refuses_the_group_naming_file_and_line(app, cypher, group):
    (group / "ana" / "Connections.csv").write_bytes(
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        b'Ana,"Costa,,,,,\r\n'
    )
    (group / "dan").mkdir()  # no Profile.csv name: cannot be created
    result = run_cli(app, "seed", "import", str(group), "--format", "linkedin")
    assert result.exit_code == 1
    assert f"{group / 'ana' / 'Connections.csv'}:2: not CSV" in result.output
    assert f"{group / 'dan'}: no member 'dan'" in result.output
    assert "nothing was written" in result.output
    assert cypher(COUNTS) == [{"people": 1, "contacts": 0, "connections": 0}]
