"""``mutuals seed import``: the organizations, positions and education files (docs/seed.md)."""

from __future__ import annotations

import json

import pytest

from backend.seed import formats
from tests.support.cli import graph_snapshot, run_cli, undated
from tests.support.import_files import (
    EDUCATION_CSV,
    ORGANIZATIONS_CSV,
    PEOPLE_CSV,
    POSITIONS_CSV,
    write,
)

PEOPLE_ONLY = "id,name\nana,Ana\nben,Ben\n"


@pytest.fixture
def careers_csv(tmp_path):
    return write(
        tmp_path / "own",
        people_csv=PEOPLE_CSV,
        organizations_csv=ORGANIZATIONS_CSV,
        positions_csv=POSITIONS_CSV,
        education_csv=EDUCATION_CSV,
    )


def _import(app, folder, *args):
    return run_cli(app, "seed", "import", str(folder), "--no-progress", *args)


def test_careers_files_load_the_agreed_model(app, cypher, careers_csv):
    result = _import(app, careers_csv)
    assert result.exit_code == 0, result.output
    # nw, tu, and the two named by no organizations row: Brightline AI, Kingsford University.
    assert "organizations 4 (4 new), positions 3 (3 new), education 2 (2 new)" in result.output

    nw = cypher("MATCH (o:Organization {id: 'nw'}) RETURN properties(o) AS o")[0]["o"]
    assert nw["kind"] == "company" and nw["name"] == "Northwind Labs"
    assert nw["domain"] == "northwind.example" and nw["linkedin"] == "northwind-labs"
    assert nw["aliases"] == ["Northwind", "NW Labs"]
    assert nw["name_key"] == "northwind labs"
    assert nw["search_text"] == "northwind labs northwind nw labs"
    keys = cypher(
        "MATCH (k:OrganizationKey)-[:KEY_OF]->(:Organization {id: 'nw'}) "
        "RETURN k.key AS key, k.organization_id AS holder ORDER BY key"
    )
    assert keys == [
        {"key": key, "holder": "nw"}
        for key in (
            "company:domain:northwind.example",
            "company:linkedin:northwind-labs",
            "company:name:northwind",
            "company:name:northwind labs",
            "company:name:nw labs",
        )
    ]
    positions = cypher(
        "MATCH (p:Person)-[w:WORKED_AT]->(o:Organization) "
        "RETURN p.id AS person, o.id AS org, o.name AS name, w.id AS id, w.title AS title, "
        "w.start AS start, w.end AS end, w.location AS location, w.description AS description, "
        "toString(w.created_at) AS created, toString(w.updated_at) AS updated ORDER BY start"
    )
    by_title = {row["title"]: row for row in positions}
    first = by_title["Software Engineer"]
    assert (first["org"], first["start"], first["end"]) == ("nw", 2019 * 12 + 3, 2021 * 12 + 11)
    assert first["description"] == "APIs, and\nthe on-call rota"
    assert first["location"] == "Berlin, Germany"
    assert first["created"] == "2022-01-01T00:00:00Z"
    assert first["updated"] == "2022-02-01T00:00:00.5Z"
    # Another spelling of the name finds the organization the file defines.
    current = by_title["Senior Software Engineer"]
    assert current["org"] == "nw" and current["end"] is None and current["location"] is None
    founder = by_title["Founder"]
    assert founder["name"] == "Brightline AI" and founder["person"] == "ben"
    assert founder["org"].startswith("org-") and founder["id"]
    education = cypher(
        "MATCH (p:Person)-[s:STUDIED_AT]->(o:Organization) RETURN p.id AS person, "
        "o.name AS school, o.kind AS kind, s.degree AS degree, s.start AS start ORDER BY person"
    )
    assert education == [
        {"person": "ana", "school": "TU Berlin", "kind": "school", "degree": "MSc", "start": 24201},
        {
            "person": "dan",
            "school": "Kingsford University",
            "kind": "school",
            "degree": "LLB",
            "start": None,
        },
    ]


def test_importing_careers_twice_adds_nothing(app, cypher, careers_csv):
    assert _import(app, careers_csv).exit_code == 0
    before = graph_snapshot(cypher)
    again = _import(app, careers_csv)
    assert again.exit_code == 0, again.output
    # The two organizations made for a name are found by it now.
    assert "organizations 2 (0 new), positions 3 (0 new), education 2 (0 new)" in again.output
    assert graph_snapshot(cypher) == before


def test_json_lines_careers_give_the_same_graph_as_csv(app, cypher, careers_csv, tmp_path):
    assert _import(app, careers_csv).exit_code == 0
    from_csv = undated(graph_snapshot(cypher))
    cypher("MATCH (n) WHERE n:Person OR n:Organization OR n:OrganizationKey DETACH DELETE n")
    folder = tmp_path / "jsonl"
    folder.mkdir()
    for table in formats.TABLES:
        path = careers_csv / f"{table.name}.csv"
        if path.is_file():
            with (folder / f"{table.name}.jsonl").open("w") as out:
                for _, record, problem in formats.records(path, table):
                    assert problem is None
                    if "aliases" in record:
                        record["aliases"] = [a for a in record["aliases"].split(";") if a]
                    if "skills" in record:
                        record["skills"] = [s for s in record["skills"].split(";") if s]
                    out.write(json.dumps({k: v for k, v in record.items() if v != ""}) + "\n")
    result = _import(app, folder)
    assert result.exit_code == 0, result.output
    assert undated(graph_snapshot(cypher)) == from_csv


def test_names_find_organizations_already_in_the_graph(app, cypher, tmp_path):
    cypher(
        "CREATE (:Person {id: 'ana', name: 'Ana', name_lower: 'ana'}) "
        "CREATE (o:Organization {id: 'acme', kind: 'company', name: 'Acme Inc', "
        "name_key: 'acme', aliases: [], search_text: 'acme inc'}) "
        "CREATE (:OrganizationKey {key: 'company:name:acme', organization_id: 'acme'})"
        "-[:KEY_OF]->(o) "
        "CREATE (:Organization {id: 'uni', kind: 'school', name: 'Uni', name_key: 'uni', "
        "aliases: [], search_text: 'uni'})"
    )
    folder = write(
        tmp_path / "own",
        positions_csv="person,organization,organization_id,title,start\n"
        'ana,"ACME, inc.",,Engineer,2020-01\nana,,acme,Lead,2022-01\n',
        education_csv="person,school_id\nana,uni\n",
    )
    result = _import(app, folder)
    assert result.exit_code == 0, result.output
    assert cypher(
        "MATCH (:Person {id: 'ana'})-[r]->(o:Organization) RETURN o.id AS org, type(r) AS type "
        "ORDER BY type, org"
    ) == [
        {"org": "uni", "type": "STUDIED_AT"},
        {"org": "acme", "type": "WORKED_AT"},
        {"org": "acme", "type": "WORKED_AT"},
    ]
    assert cypher("MATCH (o:Organization) RETURN count(o) AS n") == [{"n": 2}]


def test_bad_careers_rows_are_all_reported_and_nothing_is_written(app, cypher, tmp_path):
    cypher("CREATE (:Organization {id: 'uni', kind: 'school', name: 'Uni'})")
    folder = write(
        tmp_path / "bad",
        people_csv=PEOPLE_ONLY,
        organizations_csv="id,kind,name,domain\n"
        "acme,company,Acme,acme.com\n"
        "acme,company,Acme Two,\n"
        "x,club,X,\n"
        "y,company,Y,not a domain\n"
        "z,company,...,\n",
        positions_csv="id,person,organization_id,organization,title,start,end\n"
        "p1,ana,acme,,Engineer,2021-05,2021-01\n"
        "p2,ana,acme,,Engineer,2999-01,\n"
        "p3,ana,acme,,Engineer,2021-13,\n"
        "p4,ghost,acme,,Engineer,2021-01,\n"
        "p5,ana,nothing,,Engineer,2021-01,\n"
        "p6,ana,uni,,Engineer,2021-01,\n"
        "p7,ana,acme,Acme,Engineer,2021-01,\n"
        "p8,ana,,,Engineer,2021-01,\n"
        "p9,ana,acme,,,2021-01,\n"
        "p10,ana,acme,,Engineer,,\n"
        f"p11,ana,acme,,{'T' * 151},2021-01,\n"
        "p12,ana,acme,,Engineer,2021-01,\n"
        "p12,ben,acme,,Engineer,2021-01,\n",
        education_csv="person,school_id,school,start,end\nben,acme,,,\nben,,Uni,2020-01,2019-01\n",
    )
    before = graph_snapshot(cypher)
    result = _import(app, folder)
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if ".csv:" in line]
    assert lines == [
        "education.csv:2: 'acme' is a company, not a school",
        "education.csv:3: end comes before start",
        "organizations.csv:3: duplicate id 'acme' (first at line 2)",
        "organizations.csv:4: kind must be one of company, school, got 'club'",
        "organizations.csv:5: domain 'not a domain' is not a domain name",
        "organizations.csv:6: name must have a letter or digit and at most 200 characters",
        "positions.csv:2: end comes before start",
        "positions.csv:3: start 2999-01 is after this month",
        "positions.csv:4: bad start '2021-13' (want YYYY-MM, from 1900)",
        "positions.csv:5: unknown person 'ghost' (not in the people file nor in the graph)",
        "positions.csv:6: unknown organization 'nothing' (not in the organizations file nor in "
        "the graph)",
        "positions.csv:7: 'uni' is a school, not a company",
        "positions.csv:8: give organization_id or organization (a name), one of them",
        "positions.csv:9: give organization_id or organization (a name), one of them",
        "positions.csv:10: title is empty",
        "positions.csv:11: start is empty",
        "positions.csv:12: title is longer than 150 characters",
        "positions.csv:14: duplicate id 'p12' (first at line 13)",
    ]
    assert "import refused: 18 bad row(s); nothing was written" in result.output
    assert graph_snapshot(cypher) == before


def test_at_most_100_positions_a_person(app, cypher, tmp_path):
    rows = "".join(f"ana,Acme,Engineer {k},2020-01\n" for k in range(101))
    folder = write(
        tmp_path / "many",
        people_csv=PEOPLE_ONLY,
        positions_csv="person,organization,title,start\n" + rows,
    )
    result = _import(app, folder)
    assert result.exit_code == 1
    assert "positions.csv:102: 'ana' has 100 positions entries already" in result.output


def test_dry_run_checks_careers_and_writes_nothing(app, cypher, careers_csv):
    result = _import(app, careers_csv, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "organizations 4" in result.output and "positions 3" in result.output
    assert not any(graph_snapshot(cypher).values())
