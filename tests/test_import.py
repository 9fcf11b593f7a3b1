"""``mutuals seed import``: our own CSV/JSON Lines, SNAP and LDBC; idempotent; bad rows refused."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from neo4j.time import DateTime

from backend.pair_keys import connection_key, request_key
from backend.seed import importers
from backend.seed.loader import Loader
from tests.support.cli import graph_counts, graph_snapshot, run_cli
from tests.support.data import shared_data
from tests.support.graph import create_person
from tests.support.import_files import CONNECTIONS_CSV, PEOPLE_CSV, REQUESTS_CSV, write


@pytest.fixture
def own_csv(tmp_path) -> Path:
    return write(
        tmp_path / "own",
        people_csv=PEOPLE_CSV,
        connections_csv=CONNECTIONS_CSV,
        requests_csv=REQUESTS_CSV,
    )


def test_csv_import_writes_the_agreed_model(app, cypher, own_csv):
    result = run_cli(app, "seed", "import", str(own_csv), "--no-progress")
    assert result.exit_code == 0, result.output
    assert (
        "import: people 4 (4 new), connections 4 (3 new), requests 3 (2 new), "
        "skipped 2 (1 requests not written"
    ) in result.output
    assert "1 self-loops" in result.output

    ana = cypher("MATCH (p:Person {id: 'ana'}) RETURN properties(p) AS p")[0]["p"]
    assert ana["name"] == "Ana Costa" and ana["name_lower"] == "ana costa"
    assert ana["skills"] == ["Python", "Go"] and ana["location"] == "Berlin, Germany"
    assert ana["connections_visibility"] == "connections" and ana["intro_opt_out"] is False
    assert ana["created_at"] == DateTime(2020, 1, 2, 3, 4, 5, tzinfo=ana["created_at"].tzinfo)
    ben = cypher("MATCH (p:Person {id: 'ben'}) RETURN properties(p) AS p")[0]["p"]
    assert ben["connections_visibility"] == "private" and ben["intro_opt_out"] is True
    cleo = cypher("MATCH (p:Person {id: 'cleo'}) RETURN properties(p) AS p")[0]["p"]
    assert (
        "headline" not in cleo and "skills" not in cleo and isinstance(cleo["created_at"], DateTime)
    )
    dan = cypher("MATCH (p:Person {id: 'dan'}) RETURN toString(p.created_at) AS at")[0]["at"]
    assert dan == "2018-01-01T00:00:00.123456789Z"

    connections = cypher(
        "MATCH (a)-[r:CONNECTED_TO]-(b) WHERE a.id < b.id "
        "RETURN a.id AS a, b.id AS b, r.pair AS pair, toString(r.since) AS since ORDER BY pair"
    )
    # ana,ben and ben,ana are one connection, the first row's date wins; cleo,cleo is dropped.
    assert [(c["a"], c["b"], c["pair"]) for c in connections] == [
        ("ana", "ben", connection_key("ana", "ben")),
        ("ana", "cleo", connection_key("ana", "cleo")),
        ("ben", "dan", connection_key("ben", "dan")),
    ]
    assert connections[0]["since"] == "2021-03-01T09:00:00Z"
    assert connections[1]["since"] == "2020-06-30T12:00:00+02:00"
    assert connections[2]["since"] is not None  # empty: the load time

    requests = cypher(
        "MATCH (a)-[r:REQUESTED]->(b) RETURN a.id AS a, b.id AS b, properties(r) AS r ORDER BY a"
    )
    assert [(r["a"], r["b"]) for r in requests] == [("cleo", "dan"), ("dan", "ana")]
    assert (
        requests[1]["r"]["note"] == "Hi Ana, let's connect"
        and requests[1]["r"]["state"] == "pending"
    )
    assert requests[1]["r"]["pair"] == request_key("dan", "ana")
    assert requests[0]["r"]["state"] == "ignored" and "note" not in requests[0]["r"]


def test_importing_the_same_files_twice_adds_nothing(app, cypher, own_csv):
    assert run_cli(app, "seed", "import", str(own_csv), "--no-progress").exit_code == 0
    before = graph_snapshot(cypher)
    again = run_cli(app, "seed", "import", str(own_csv), "--no-progress", "--batch-size", "2")
    assert again.exit_code == 0, again.output
    assert "people 4 (0 new), connections 4 (0 new), requests 3 (0 new)" in again.output
    assert graph_snapshot(cypher) == before


def test_json_lines_give_the_same_graph_as_csv(app, cypher, own_csv, tmp_path):
    run_cli(app, "seed", "import", str(own_csv), "--no-progress")
    from_csv = graph_snapshot(cypher)
    cypher("MATCH (p:Person) DETACH DELETE p")
    people = [
        {
            "id": "ana",
            "name": "Ana Costa",
            "headline": "Engineer at Northwind",
            "location": "Berlin, Germany",
            "industry": "Technology",
            "profession": "Software Engineer",
            "skills": ["Python", "Go"],
            "created_at": "2020-01-02T03:04:05Z",
        },
        {
            "id": "ben",
            "name": "Ben Adeyemi",
            "headline": "Founder",
            "location": "Berlin, Germany",
            "industry": "Technology",
            "profession": "Founder",
            "skills": ["Fundraising"],
            "connections_visibility": "private",
            "intro_opt_out": True,
            "created_at": "2019-05-06",
        },
        {"id": "cleo", "name": "Cleo Martin"},
        {
            "id": "dan",
            "name": "Dan Park",
            "headline": "Lawyer",
            "industry": "Legal Services",
            "profession": "Corporate Lawyer",
            "connections_visibility": "connections",
            "intro_opt_out": False,
            "created_at": "2018-01-01T00:00:00.123456789Z",
        },
    ]
    connections = [
        {"a": "ana", "b": "ben", "since": "2021-03-01T09:00:00Z"},
        {"a": "cleo", "b": "cleo"},
        {"a": "ben", "b": "dan"},
        {"a": "ana", "b": "cleo", "since": "2020-06-30T12:00:00+02:00"},
    ]
    requests = [
        {
            "from": "dan",
            "to": "ana",
            "created_at": "2025-12-01T10:00:00Z",
            "note": "Hi Ana, let's connect",
        },
        {"from": "cleo", "to": "dan", "created_at": "2025-12-02T10:00:00Z", "state": "ignored"},
    ]
    folder = write(
        tmp_path / "jsonl",
        **{
            f"{name}_jsonl": "".join(json.dumps(row) + "\n" for row in rows)
            for name, rows in (
                ("people", people),
                ("connections", connections),
                ("requests", requests),
            )
        },
    )
    result = run_cli(app, "seed", "import", str(folder), "--no-progress")
    assert result.exit_code == 0, result.output
    from_jsonl = graph_snapshot(cypher)
    # Only what the files leave to the load time may differ.
    for snapshot in (from_csv, from_jsonl):
        next(p for p in snapshot["people"] if p["id"] == "cleo")["props"].pop("created_at")
        next(c for c in snapshot["connections"] if c["pair"] == "ben|dan")["props"].pop("since")
    assert from_jsonl == from_csv


def test_bad_rows_are_all_reported_with_file_and_line_and_nothing_is_written(app, cypher, tmp_path):
    create_person(cypher, "existing")
    before = graph_snapshot(cypher)
    folder = write(
        tmp_path / "bad",
        people_csv="id,name,created_at\nana,Ana,2020-01-01\nben,Ben,2020-13-01\nana,Ana again,\n"
        "cleo,Cleo,2020-01-01,extra\n,No Id,\ndan,,\n",
        connections_csv="a,b,since\nana,existing,2021-01-01\nana,ghost,2021-01-01\nana,ben,yesterday\n",
        requests_csv="from,to,created_at,note,state\nana,phantom,,,\nana,existing,,,maybe\n",
    )
    result = run_cli(app, "seed", "import", str(folder), "--no-progress")
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if ".csv:" in line]
    assert lines == [
        "connections.csv:3: unknown person 'ghost' (not in the people file nor in the graph)",
        "connections.csv:4: bad date 'yesterday' (want ISO 8601, e.g. 2024-03-01 or 2024-03-01T09:30:00Z)",
        "people.csv:3: bad date '2020-13-01' (no such day or time)",
        "people.csv:4: duplicate id 'ana' (first at people.csv:2)",
        "people.csv:5: wrong column count: 4 values for 3 columns (id,name,created_at)",
        "people.csv:6: id is empty",
        "people.csv:7: name is empty",
        "requests.csv:2: unknown person 'phantom' (not in the people file nor in the graph)",
        "requests.csv:3: state must be one of pending, ignored, got 'maybe'",
    ]
    assert "import refused: 9 bad row(s); nothing was written" in result.output
    assert graph_snapshot(cypher) == before


def test_bad_headers_and_json_are_reported(app, cypher, tmp_path):
    folder = write(
        tmp_path / "bad",
        people_jsonl='{"id": "a", "name": "A"}\n{"id": "b", "nam": "B"}\nnot json\n'
        '{"id": "c", "name": "C", "skills": "x;y"}\n[1]\n',
        connections_jsonl='{"a": "a", "b": "c", "since": 20200101}\n',
    )
    result = run_cli(app, "seed", "import", str(folder), "--no-progress")
    assert result.exit_code == 1
    assert "people.jsonl:2: unknown field(s) nam; fields are id, name" in result.output
    assert "people.jsonl:3: bad JSON: Expecting value at column 1" in result.output
    assert "people.jsonl:5: want one JSON object a line" in result.output
    assert "connections.jsonl:1: bad date '20200101'" in result.output
    assert graph_counts(cypher)["people"] == 0

    header = write(tmp_path / "header", people_csv="id,full_name\n1,A\n")
    result = run_cli(app, "seed", "import", str(header), "--no-progress")
    assert result.exit_code == 1
    assert "people.csv:1: bad header 'id,full_name'" in result.output


def test_files_may_refer_to_people_already_in_the_graph(app, cypher, tmp_path):
    create_person(cypher, "old-1")
    create_person(cypher, "old-2")
    folder = write(
        tmp_path / "more",
        connections_csv="a,b,since\nold-1,old-2,2020-01-01\n",
        requests_csv="from,to\nold-2,old-1\n",
    )
    result = run_cli(app, "seed", "import", str(folder), "--no-progress")
    assert result.exit_code == 0, result.output
    assert graph_counts(cypher) == {"people": 2, "connections": 1, "requests": 0}
    assert "requests 1 (0 new)" in result.output  # already connected: not a request


def test_a_connection_replaces_a_pending_request_and_respects_blocks(app, cypher, tmp_path):
    for person_id in ("a", "b", "c"):
        create_person(cypher, person_id)
    cypher(
        "MATCH (a:Person {id: 'a'}), (b:Person {id: 'b'}) "
        "CREATE (a)-[:REQUESTED {pair: 'a|b', state: 'pending', created_at: datetime()}]->(b)"
    )
    cypher(
        "MATCH (a:Person {id: 'a'}), (c:Person {id: 'c'}) CREATE (a)-[:BLOCKED {at: datetime()}]->(c)"
    )
    folder = write(tmp_path / "c", connections_csv="a,b\nb,a\nc,a\n")
    result = run_cli(app, "seed", "import", str(folder), "--no-progress")
    assert result.exit_code == 0, result.output
    assert cypher(
        "MATCH (x)-[r]-(y) WHERE x.id < y.id RETURN x.id AS x, y.id AS y, type(r) AS t ORDER BY x, y"
    ) == [{"x": "a", "y": "b", "t": "CONNECTED_TO"}, {"x": "a", "y": "c", "t": "BLOCKED"}]


def test_mutual_requests_in_the_files_are_a_bad_row(app, cypher, tmp_path):
    folder = write(
        tmp_path / "m", people_csv="id,name\na,A\nb,B\n", requests_csv="from,to\na,b\nb,a\na,a\n"
    )
    result = run_cli(app, "seed", "import", str(folder), "--no-progress")
    assert result.exit_code == 1
    assert (
        "requests.csv:3: 'a' already asked 'b' (line 2): put the pair in connections instead"
        in result.output
    )


def test_dry_run_checks_and_writes_nothing(app, cypher, own_csv):
    result = run_cli(app, "seed", "import", str(own_csv), "--dry-run")
    assert result.exit_code == 0, result.output
    assert "import check passed (people 4, connections 4, requests 3)" in result.output
    assert graph_counts(cypher)["people"] == 0


def test_an_interrupted_load_finishes_with_the_same_graph_when_run_again(
    app, database, cypher, own_csv, tmp_path
):
    run_cli(app, "seed", "import", str(own_csv), "--no-progress")
    complete = graph_snapshot(cypher)
    cypher("MATCH (p:Person) DETACH DELETE p")

    dataset = importers.prepare(database, own_csv)
    full = dataset.connections
    dataset.connections = lambda: itertools.chain(itertools.islice(full(), 3), _interrupt())
    with pytest.raises(KeyboardInterrupt):
        Loader(database, batch_size=1, progress=False).load(dataset)
    assert graph_counts(cypher)["connections"] == 2 and graph_counts(cypher)["requests"] == 0

    assert run_cli(app, "seed", "import", str(own_csv), "--no-progress").exit_code == 0
    resumed = graph_snapshot(cypher)
    for snapshot in (complete, resumed):  # set from the load time when the file leaves it empty
        next(p for p in snapshot["people"] if p["id"] == "cleo")["props"].pop("created_at")
        next(c for c in snapshot["connections"] if c["pair"] == "ben|dan")["props"].pop("since")
    assert resumed == complete


def _interrupt():
    raise KeyboardInterrupt
    yield  # a generator that stops the load like Ctrl-C


def test_snap_edge_list_bad_lines(app, cypher, tmp_path):
    edges = tmp_path / "edges.txt"
    edges.write_text("# comment\n1 2\n2 3 4\n\n3\n3 3\n")
    result = run_cli(app, "seed", "import", str(edges), "--no-progress")
    assert result.exit_code == 1
    assert "edges.txt:3: wrong column count: want 'u v', got 3 values" in result.output
    assert "edges.txt:5: wrong column count: want 'u v', got 1 values" in result.output
    assert graph_counts(cypher)["people"] == 0


def test_snap_edge_list_with_an_id_prefix(app, cypher, tmp_path):
    edges = tmp_path / "edges.txt"
    edges.write_text("1 2\n2 1\n3 3\n2 4\n")
    result = run_cli(app, "seed", "import", str(edges), "--id-prefix", "fb-", "--no-progress")
    assert result.exit_code == 0, result.output
    assert (
        "people 4 (4 new), connections 3 (2 new)" in result.output
        and "1 self-loops" in result.output
    )
    assert cypher(
        "MATCH (p:Person) RETURN p.id AS id, p.name AS name, p.name_lower AS lower ORDER BY id"
    )[0] == {"id": "fb-1", "name": "Person fb-1", "lower": "person fb-1"}


@pytest.mark.data
def test_snap_ego_facebook_counts_match_the_file(app, cypher):
    path = shared_data("snap-ego-facebook", "facebook_combined.txt")
    ids, pairs, loops = set(), set(), 0
    for line in path.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            a, b = line.split()
            ids.update((a, b))
            loops += a == b
            if a != b:
                pairs.add(frozenset((a, b)))
    result = run_cli(app, "seed", "import", str(path), "--no-progress")
    assert result.exit_code == 0, result.output
    assert graph_counts(cypher) == {"people": len(ids), "connections": len(pairs), "requests": 0}
    assert (len(ids), len(pairs)) == (4039, 88234)
    assert cypher("MATCH (p:Person) RETURN max(COUNT { (p)-[:CONNECTED_TO]-() }) AS d") == [
        {"d": 1045}
    ]


def _ldbc_rows(path: Path) -> list[list[str]]:
    return [line.split("|") for line in path.read_text().splitlines()[1:] if line]


@pytest.mark.data
def test_ldbc_folder_counts_locations_and_careers_match_the_files(app, cypher):
    folder = shared_data("ldbc-sf01")
    persons = _ldbc_rows(folder / "Person.csv")
    knows = {
        frozenset(row[:2])
        for row in _ldbc_rows(folder / "Person_knows_Person.csv")
        if row[0] != row[1]
    }
    result = run_cli(app, "seed", "import", str(folder), "--no-progress")
    assert result.exit_code == 0, result.output
    assert graph_counts(cypher) == {
        "people": len(persons),
        "connections": len(knows),
        "requests": 0,
    }

    first = persons[0]  # 933|Mahinda|Perera|...
    places = {row[0]: row[1] for row in _ldbc_rows(folder / "Place.csv")}
    city = {row[0]: places[row[1]] for row in _ldbc_rows(folder / "Person_isLocatedIn_Place.csv")}
    person = cypher("MATCH (p:Person {id: $id}) RETURN properties(p) AS p", id=first[0])[0]["p"]
    assert person["name"] == f"{first[1]} {first[2]}"
    assert person["location"] == city[first[0]].replace("_", " ")
    # workAt / studyAt are positions and education at Organization nodes, not text.
    organisations = _ldbc_rows(folder / "Organisation.csv")
    work = _ldbc_rows(folder / "Person_workAt_Organisation.csv")
    study = _ldbc_rows(folder / "Person_studyAt_Organisation.csv")
    assert cypher(
        "CALL () { MATCH (o:Organization) RETURN count(o) AS organizations } "
        "CALL () { MATCH (:Person)-[w:WORKED_AT]->(:Organization {kind: 'company'}) "
        "RETURN count(w) AS positions } "
        "CALL () { MATCH (:Person)-[s:STUDIED_AT]->(:Organization {kind: 'school'}) "
        "RETURN count(s) AS education } "
        "CALL () { MATCH (p:Person) WHERE p.employer IS NOT NULL OR p.headline IS NOT NULL "
        "OR p.training IS NOT NULL RETURN count(p) AS texts } "
        "RETURN organizations, positions, education, texts"
    ) == [
        {
            "organizations": len(organisations),
            "positions": len(work),
            "education": len(study),
            "texts": 0,
        }
    ]
    kinds = {row[0]: row[1] for row in organisations}
    person, organisation, year = work[0]
    assert kinds[organisation] == "Company"
    position = cypher(
        "MATCH (:Person {id: $person})-[w:WORKED_AT]->(o:Organization {id: $org}) "
        "RETURN w.start AS start, w.title AS title, o.name AS name",
        person=person,
        org=f"org-{organisation}",
    )
    name = next(row[2] for row in organisations if row[0] == organisation)
    assert position == [
        {"start": int(year) * 12, "title": "Employee", "name": name.replace("_", " ")}
    ]
    person, school, year = study[0]
    assert cypher(
        "MATCH (:Person {id: $person})-[s:STUDIED_AT]->(:Organization {id: $org}) "
        "RETURN s.end AS end",
        person=person,
        org=f"org-{school}",
    ) == [{"end": int(year) * 12 + 5}]
    assert cypher(
        "MATCH ()-[r:CONNECTED_TO]->() WHERE r.since IS NULL OR r.pair IS NULL RETURN count(r) AS n"
    ) == [{"n": 0}]


def test_ldbc_work_and_study_become_positions_and_education(app, cypher, tmp_path):
    folder = write(
        tmp_path / "ldbc",
        Person_csv="id|firstName|lastName|creationDate\n1|Ada|L|20100101120000000\n"
        "2|Bo|M|20100101120000000\n",
        Person_knows_Person_csv="Person.id|Person.id|creationDate\n1|2|20100101120000000\n",
        Organisation_csv="id:ID(Organisation)|:LABEL|name:STRING|url:STRING\n"
        "5|Company|Acme_Inc|http://dbpedia.org/resource/Acme\n"
        "6|Company|Globex|x\n7|University|Uni_of_Oslo|y\n",
        Person_workAt_Organisation_csv=":START_ID(Person)|:END_ID(Organisation)|workFrom:INT\n"
        "1|5|2009\n1|6|2012\n2|6|2011\n",
        Person_studyAt_Organisation_csv=":START_ID(Person)|:END_ID(Organisation)|classYear:INT\n"
        "1|7|2008\n",
    )
    result = run_cli(app, "seed", "import", str(folder), "--id-prefix", "l-", "--no-progress")
    assert result.exit_code == 0, result.output
    assert "organizations 3 (3 new), positions 3 (3 new), education 1 (1 new)" in result.output
    assert cypher(
        "MATCH (p:Person)-[w:WORKED_AT]->(o:Organization) RETURN p.id AS person, o.id AS org, "
        "o.name AS name, o.kind AS kind, w.id AS id, w.start AS start, w.end AS end "
        "ORDER BY person, start"
    ) == [
        {
            "person": "l-1",
            "org": "l-org-5",
            "name": "Acme Inc",
            "kind": "company",
            "id": "l-work-1-5",
            "start": 2009 * 12,
            "end": 2012 * 12 - 1,  # until the next one starts
        },
        {
            "person": "l-1",
            "org": "l-org-6",
            "name": "Globex",
            "kind": "company",
            "id": "l-work-1-6",
            "start": 2012 * 12,
            "end": None,  # the latest is current
        },
        {
            "person": "l-2",
            "org": "l-org-6",
            "name": "Globex",
            "kind": "company",
            "id": "l-work-2-6",
            "start": 2011 * 12,
            "end": None,
        },
    ]
    assert cypher(
        "MATCH (p:Person)-[s:STUDIED_AT]->(o:Organization {kind: 'school'}) "
        "RETURN p.id AS person, o.name AS school, s.start AS start, s.end AS end"
    ) == [{"person": "l-1", "school": "Uni of Oslo", "start": None, "end": 2008 * 12 + 5}]
    # The organizations are the API's: another spelling ("ACME, Inc.") finds them.
    assert cypher(
        "MATCH (:OrganizationKey {key: 'company:name:acme'})-[:KEY_OF]->(o) RETURN o.id AS id"
    ) == [{"id": "l-org-5"}]


def test_ldbc_bad_career_rows_are_reported(app, cypher, tmp_path):
    folder = write(
        tmp_path / "ldbc",
        Person_csv="id|firstName|lastName|creationDate\n1|Ada|L|20100101120000000\n",
        Person_knows_Person_csv="Person.id|Person.id|creationDate\n",
        Organisation_csv="id|type|name|url\n5|Company|Acme|x\n7|University|Uni|y\n8|Club|Z|z\n",
        Person_workAt_Organisation_csv="Person.id|Organisation.id|workFrom\n1|7|2009\n1|9|2010\n"
        "1|5|20x0\n",
        Person_studyAt_Organisation_csv="Person.id|Organisation.id|classYear\n1|5|2008\n",
    )
    result = run_cli(app, "seed", "import", str(folder), "--no-progress")
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if ".csv:" in line] == [
        "Organisation.csv:4: type 'Club' is neither Company nor University",
        "Person_studyAt_Organisation.csv:2: organisation '5' is a company, not a school",
        "Person_workAt_Organisation.csv:2: organisation '7' is a school, not a company",
        "Person_workAt_Organisation.csv:3: unknown organisation '9'",
        "Person_workAt_Organisation.csv:4: bad year '20x0'",
    ]
    assert not any(graph_snapshot(cypher).values())


def test_ldbc_bad_rows_are_reported(app, cypher, tmp_path):
    folder = write(
        tmp_path / "ldbc",
        Person_csv="id|firstName|lastName|creationDate\n1|Ada|L|20100101120000000\n"
        "2|Bo|M|2010-99-01\n1|Ada|Again|20100101120000000\n",
        Place_csv="id|name|url|type\n10|Oslo|x|City\n",
        Person_isLocatedIn_Place_csv="Person.id|Place.id\n1|10\n1|11\n9|10\n",
        Person_knows_Person_csv="Person.id|Person.id|creationDate\n1|7|20100101120000000\n1|1|20100101120000000\n",
    )
    result = run_cli(app, "seed", "import", str(folder), "--no-progress")
    assert result.exit_code == 1
    for expected in (
        "Person.csv:3: bad date '2010-99-01'",
        "Person.csv:4: duplicate id '1' (first at Person.csv:2)",
        "Person_isLocatedIn_Place.csv:3: unknown place '11'",
        "Person_isLocatedIn_Place.csv:4: unknown person '9' (not in the Person file)",
        "Person_knows_Person.csv:2: unknown person '7'",
    ):
        assert expected in result.output
    assert graph_counts(cypher)["people"] == 0
