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


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_import_of_an_export_gives_the_same_graph(app, cypher, tmp_path, kind):
    arrange(app, cypher)
    original = graph_snapshot(cypher)
    result = run_cli(
        app, "seed", "export", str(tmp_path / "out"), "--format", kind, "--no-progress"
    )
    assert result.exit_code == 0, result.output
    totals = graph_counts(cypher)
    assert (
        f"exported people {totals['people']:,}, connections {totals['connections']:,}, "
        f"requests {totals['requests']:,}"
    ) in result.output
    assert (tmp_path / "out" / f"people.{kind}").is_file()

    cypher("MATCH (p:Person) DETACH DELETE p")
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
