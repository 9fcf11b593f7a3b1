"""``mutuals seed import|generate --bulk``: the offline importer builds the same graph as the
online import, refuses what the online import refuses, and writes nothing when it refuses.

Each bulk load stops, imports into and restarts the shared test server (and leaves it running
and migrated); the files are small so that the suite stays fast.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from neo4j.time import DateTime

from backend import create_app, migrations
from backend.local_neo4j import LocalNeo4j
from tests.support.auth import AuthActions
from tests.support.cli import graph_snapshot, run_cli, undated
from tests.support.graph import auth, create_person, wipe
from tests.support.import_files import (
    CONNECTIONS_CSV,
    EDUCATION_CSV,
    ORGANIZATIONS_CSV,
    PEOPLE_CSV,
    POSITIONS_CSV,
    REQUESTS_CSV,
    write,
)

# Every date given (so two loads at different times compare equal), and the cases the
# importer needs told: a reverse duplicate, a self-loop, a request between connected people,
# text with quotes, commas, a line break, ';' in a skill, non-ASCII names, zones and nanoseconds.
PEOPLE = """\
id,name,headline,location,skills,connections_visibility,intro_opt_out,created_at
ana,Ana Ćosta,"Engineer, ""lead"" at X","Berlin, Germany",Python;Go,,,2020-01-02T03:04:05Z
ben,BEN ÖZTÜRK,Founder,,Fundraising,private,true,2019-05-06
cleo,Cleo Martin,,,,,,2020-06-30T12:00:00.123456789+02:00[Europe/Paris]
dan,Dan Park,Lawyer,,,connections,false,2018-01-01T00:00:00.5Z
"""
CONNECTIONS = """\
a,b,since
ana,ben,2021-03-01T09:00:00Z
ben,ana,2022-01-01
cleo,cleo,2021-01-01
ben,dan,2020-02-02
ana,cleo,2020-06-30T12:00:00+02:00
"""
REQUESTS = """\
from,to,created_at,note,state
dan,ana,2025-12-01T10:00:00Z,"Hi Ana,
let's connect",
cleo,dan,2025-12-02T10:00:00Z,,ignored
ana,ben,2025-12-03T10:00:00Z,already connected,
"""
JSONL_SKILLS = (
    '{"id": "eve", "name": "Eve", "skills": ["C; C++", "Rust"], "created_at": "2021-01-01"}\n'
)


@pytest.fixture
def bulk(app, settings, database):
    """``mutuals seed <args> --bulk`` against the local test server. The test's driver and
    the app's are renewed after it: their connections died with the restart, and their
    bookmarks name transactions of the database the import replaced."""
    if not settings.uses_local_neo4j:
        pytest.skip("--bulk loads the local server; NEO4J_URI points elsewhere")

    def run(*args: str):
        try:
            return run_cli(app, "seed", *args, "--bulk", "--no-progress")
        finally:
            database.close()
            app.extensions["mutuals"].db.close()

    return run


def server_pid(settings) -> int | None:
    return LocalNeo4j(settings.local).pid()


def test_bulk_import_gives_the_same_graph_as_the_online_import(
    app, cypher, database, bulk, tmp_path
):
    folder = write(
        tmp_path / "own", people_csv=PEOPLE, connections_csv=CONNECTIONS, requests_csv=REQUESTS
    )
    online = run_cli(app, "seed", "import", str(folder), "--no-progress")
    assert online.exit_code == 0, online.output
    expected = graph_snapshot(cypher)
    online_export = run_cli(app, "seed", "export", str(tmp_path / "online"), "--no-progress")
    assert online_export.exit_code == 0, online_export.output
    wipe(database)

    result = bulk("import", str(folder))
    assert result.exit_code == 0, result.output
    assert "import --bulk: people 4, connections 3, requests 2, skipped 3" in result.output
    assert "connections/s end to end" in result.output
    assert graph_snapshot(cypher) == expected
    bulk_export = run_cli(app, "seed", "export", str(tmp_path / "bulk"), "--no-progress")
    assert bulk_export.exit_code == 0, bulk_export.output
    for name in ("people.csv", "connections.csv", "requests.csv"):
        online_rows = sorted((tmp_path / "online" / name).read_text().splitlines())
        assert sorted((tmp_path / "bulk" / name).read_text().splitlines()) == online_rows

    # The server runs again with its schema: migrations recorded, every index online.
    with database.session() as session:
        assert migrations.pending(session) == []
    states = {i["state"] for i in database.read("seed.index_population", 1)}
    assert states == {"ONLINE"}


def test_bulk_import_of_careers_gives_the_same_graph_as_the_online_import(
    app, cypher, database, bulk, tmp_path
):
    folder = write(
        tmp_path / "own",
        people_csv=PEOPLE_CSV,
        organizations_csv=ORGANIZATIONS_CSV,
        positions_csv=POSITIONS_CSV,
        education_csv=EDUCATION_CSV,
    )
    online = run_cli(app, "seed", "import", str(folder), "--no-progress")
    assert online.exit_code == 0, online.output
    expected = graph_snapshot(cypher)
    wipe(database)

    result = bulk("import", str(folder))
    assert result.exit_code == 0, result.output
    assert "people 4, connections 0, requests 0, organizations 4, positions 3, education 2" in (
        result.output
    )
    loaded = graph_snapshot(cypher)
    # Equal, but for the load time where the files give no date (an organization made for a
    # name); those the files give are kept to the nanosecond.
    assert undated(loaded) == undated(expected)
    for table in ("organizations", "positions", "education"):
        for row, online_row in zip(loaded[table], expected[table], strict=True):
            assert isinstance(row["props"]["created_at"], DateTime), row
            if online_row["id"] in ("nw", "p1"):
                assert row["props"] == online_row["props"]
    # What the API adds to an organization works on a bulk-loaded one (aliases is a list).
    assert cypher("MATCH (o:Organization) WHERE o.aliases = [] RETURN o.id AS id ORDER BY id") == [
        {"id": row["id"]} for row in loaded["organizations"] if row["id"] not in ("nw", "tu")
    ]


def test_bulk_fills_what_the_files_leave_out_as_the_online_import_does(app, cypher, bulk, tmp_path):
    folder = write(
        tmp_path / "own",
        people_csv=PEOPLE_CSV,
        connections_csv=CONNECTIONS_CSV,
        requests_csv=REQUESTS_CSV,
    )
    result = bulk("import", str(folder))
    assert result.exit_code == 0, result.output
    cleo = cypher("MATCH (p:Person {id: 'cleo'}) RETURN properties(p) AS p")[0]["p"]
    assert cleo["connections_visibility"] == "connections" and cleo["intro_opt_out"] is False
    assert cleo["name_lower"] == "cleo martin" and isinstance(cleo["created_at"], DateTime)
    assert "headline" not in cleo and "skills" not in cleo
    since = cypher(
        "MATCH (:Person {id: 'ben'})-[r:CONNECTED_TO]-(:Person {id: 'dan'}) RETURN r.since AS at"
    )
    assert isinstance(since[0]["at"], DateTime)


def test_bulk_generate_gives_the_same_graph_as_the_online_generate(
    app, cypher, database, bulk, client
):
    args = ("seed", "generate", "--people", "300", "--avg-degree", "8", "--seed", "5")
    online = run_cli(app, *args, "--no-progress")
    assert online.exit_code == 0, online.output
    expected = graph_snapshot(cypher)
    wipe(database)

    result = bulk(*args[1:])
    assert result.exit_code == 0, result.output
    assert "generate --bulk: people 300, connections 1,200, requests 6" in result.output
    assert graph_snapshot(cypher) == expected
    # The API serves the loaded graph.
    issued = client.post("/v1/admin/people/g0/tokens", headers=auth("test-admin-token"))
    assert issued.status_code == 201, issued.json
    page = AuthActions(client, {"g0": issued.json["token"]}).get("g0", "/v1/me/second-degree")
    assert page.status_code == 200, page.json
    assert page.json["items"]


def test_the_heaviest_people_have_views_after_a_bulk_load(make_app, cypher, database, settings):
    if not settings.uses_local_neo4j:
        pytest.skip("--bulk loads the local server; NEO4J_URI points elsewhere")
    app = make_app(view_threshold=0)
    args = ("seed", "generate", "--people", "300", "--avg-degree", "8", "--seed", "5", "--bulk")
    try:
        result = run_cli(app, *args, "--no-progress")
    finally:
        database.close()
        app.extensions["mutuals"].db.close()
    assert result.exit_code == 0, result.output
    assert "views: views of 100 people: 200 refreshed" in result.output
    top = cypher(
        "MATCH (p:Person) WITH p, COUNT { (p)-[:CONNECTED_TO]-() } AS degree "
        "RETURN p.id AS id ORDER BY degree DESC, id LIMIT 100"
    )
    views = cypher(
        "MATCH (v:NetworkView) WHERE v.computed_at IS NOT NULL "
        "RETURN v.person_id AS id, collect(v.part) AS parts"
    )
    assert {row["id"] for row in views} == {row["id"] for row in top}
    assert all(sorted(row["parts"]) == ["second", "suggestions"] for row in views)


def test_bulk_with_bad_rows_reports_them_all_and_touches_nothing(
    app, cypher, settings, bulk, tmp_path
):
    folder = write(
        tmp_path / "bad",
        people_csv="id,name,created_at\nana,Ana,2020-13-01\nben,Ben,\n",
        connections_csv="a,b,since\nana,ghost,2021-01-01\nben,ana,\n",
    )
    pid = server_pid(settings)
    result = bulk("import", str(folder))
    assert result.exit_code == 1
    assert "people.csv:2: bad date '2020-13-01' (no such day or time)" in result.output
    assert "connections.csv:2: unknown person 'ghost'" in result.output
    assert "import refused: 4 bad row(s); nothing was written" in result.output
    assert server_pid(settings) == pid  # never stopped
    assert not any(graph_snapshot(cypher).values())


def test_bulk_refuses_a_graph_with_data_in_one_line(app, cypher, settings, bulk, tmp_path):
    create_person(cypher, "someone")
    before = graph_snapshot(cypher)
    folder = write(tmp_path / "own", people_jsonl=JSONL_SKILLS)
    pid = server_pid(settings)
    result = bulk("import", str(folder))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: the graph is not empty: --bulk only loads an empty database (the offline "
        "importer replaces it); drop --bulk to add to it with the online import"
    ]
    assert server_pid(settings) == pid and graph_snapshot(cypher) == before


def test_bulk_refuses_a_neo4j_elsewhere(database, tmp_path: Path):
    remote = create_app(
        {
            "TESTING": True,
            "SETTINGS": {
                "neo4j_uri": "neo4j+s://example.databases.neo4j.io",
                "uses_local_neo4j": False,
            },
        }
    )
    folder = write(tmp_path / "own", people_jsonl=JSONL_SKILLS)
    for args in (
        ("import", str(folder)),
        ("generate", "--people", "10", "--avg-degree", "2"),
    ):
        result = run_cli(remote, "seed", *args, "--bulk")
        assert result.exit_code == 1
        assert result.output.strip().splitlines() == [
            "Error: --bulk rewrites the local Neo4j's files offline, but NEO4J_URI points at "
            "neo4j+s://example.databases.neo4j.io: use the online import there (drop --bulk)"
        ]
    remote.extensions["mutuals"].close()
