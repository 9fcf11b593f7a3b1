"""``mutuals seed export``: our own format; import(export(graph)) == graph."""

from __future__ import annotations

import pytest

from tests.support.cli import graph_counts, graph_snapshot, run_cli


def arrange(app, cypher) -> None:
    """A generated network plus the awkward cases: every field, quotes, commas, newlines,
    unicode, nanoseconds, a connection stored 'backwards', an ignored request."""
    assert (
        run_cli(
            app,
            "seed",
            "generate",
            "--people",
            "150",
            "--avg-degree",
            "6",
            "--seed",
            "4",
            "--no-progress",
        ).exit_code
        == 0
    )
    zoe = {
        "id": "zoe",
        "name": 'Zoë "Z" Núñez, PhD',
        "name_lower": 'zoë "z" núñez, phd',
        "headline": "Line one\nline two",
        "location": "São Paulo, Brazil",
        "industry": "Media",
        "profession": "Journalist",
        "skills": ["Reporting", "Data, Journalism"],
        "summary": "Hi, I'm Zoë",
        "training": "Coastal University",
        "employer": "Lumen News",
        "connections_visibility": "private",
        "intro_opt_out": True,
    }
    cypher(
        """
        CREATE (z:Person) SET z = $zoe, z.created_at = datetime('2019-02-03T04:05:06.123456789Z')
        WITH z
        MATCH (g:Person {id: 'g1'}), (h:Person {id: 'g2'})
        CREATE (z)-[:CONNECTED_TO {pair: 'g1|zoe', since: datetime('2020-01-01T00:00:00.000000001+01:00')}]->(g)
        CREATE (h)-[:REQUESTED {pair: 'g2|zoe', created_at: datetime('2025-12-24T18:00:00Z'),
                                note: $note, state: 'ignored'}]->(z)
    """,
        zoe=zoe,
        note='Merry "Christmas", Zoë',
    )
    # Careers as the API leaves them: two organizations named Acme told apart by their
    # domains, the name key held by the older one (whose id sorts last), an alias; an edited
    # position (updated_at after created_at) with a line break; education with months only.
    cypher(
        """
        CREATE (old:Organization {id: 'acme-1', kind: 'company', name: 'Acme Inc',
          name_key: 'acme', domain: 'acme.com', aliases: ['Acme Widgets'],
          search_text: 'acme inc acme widgets',
          created_at: datetime('2020-01-01T00:00:00.000000001Z')})
        CREATE (new:Organization {id: 'acme-0', kind: 'company', name: 'Acme', name_key: 'acme',
          domain: 'acme.de', aliases: [], search_text: 'acme',
          created_at: datetime('2021-01-01T00:00:00Z')})
        FOREACH (key IN ['company:domain:acme.com', 'company:name:acme',
                         'company:name:acme widgets'] |
          CREATE (:OrganizationKey {key: key, organization_id: 'acme-1'})-[:KEY_OF]->(old))
        CREATE (:OrganizationKey {key: 'company:domain:acme.de', organization_id: 'acme-0'})
               -[:KEY_OF]->(new)
        WITH new
        MATCH (z:Person {id: 'zoe'}), (school:Organization {kind: 'school'})
        WITH z, new, school ORDER BY school.id LIMIT 1
        CREATE (z)-[:WORKED_AT {id: 'zoe-1', title: 'Editor, "Data"', start: 24240,
          description: 'Line one\nline two', created_at: datetime('2022-01-01T00:00:00Z'),
          updated_at: datetime('2023-05-06T07:08:09.123456789Z')}]->(new)
        CREATE (z)-[:STUDIED_AT {id: 'zoe-e', start: 24000, end: 24040,
          created_at: datetime('2019-01-01T00:00:00Z'),
          updated_at: datetime('2019-01-01T00:00:00Z')}]->(school)
    """
    )


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_import_of_an_export_gives_the_same_graph(app, cypher, tmp_path, kind):
    arrange(app, cypher)
    original = graph_snapshot(cypher)
    result = run_cli(
        app, "seed", "export", str(tmp_path / "out"), "--format", kind, "--no-progress"
    )
    assert result.exit_code == 0, result.output
    totals = (
        graph_counts(cypher)
        | cypher(
            "CALL () { MATCH (o:Organization) RETURN count(o) AS organizations } "
            "CALL () { MATCH ()-[w:WORKED_AT]->() RETURN count(w) AS positions } "
            "CALL () { MATCH ()-[s:STUDIED_AT]->() RETURN count(s) AS education } "
            "RETURN organizations, positions, education"
        )[0]
    )
    assert (
        f"exported people {totals['people']:,}, connections {totals['connections']:,}, "
        f"requests {totals['requests']:,}"
    ) in result.output
    assert (tmp_path / "out" / f"people.{kind}").is_file()

    assert (
        f"organizations {totals['organizations']:,}, positions {totals['positions']:,}, "
        f"education {totals['education']:,}"
    ) in result.output

    cypher("MATCH (n) WHERE n:Person OR n:Organization OR n:OrganizationKey DETACH DELETE n")
    imported = run_cli(app, "seed", "import", str(tmp_path / "out"), "--no-progress")
    assert imported.exit_code == 0, imported.output
    assert graph_snapshot(cypher) == original


def test_export_overwrites_and_csv_refuses_a_skill_with_a_semicolon(app, cypher, tmp_path):
    cypher("CREATE (:Person {id: 'p', name: 'P', name_lower: 'p', skills: ['C; C++']})")
    result = run_cli(app, "seed", "export", str(tmp_path), "--no-progress")
    assert result.exit_code == 1 and "export with --format jsonl" in result.output
    assert run_cli(app, "seed", "export", str(tmp_path), "--format", "jsonl").exit_code == 0
    assert '"skills": ["C; C++"]' in (tmp_path / "people.jsonl").read_text()
    cypher("MATCH (p:Person) DETACH DELETE p")
    assert run_cli(app, "seed", "export", str(tmp_path), "--format", "jsonl").exit_code == 0
    assert (tmp_path / "people.jsonl").read_text() == ""
