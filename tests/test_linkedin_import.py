"""POST /v1/me/imports against the real Neo4j: generated exports with every quirk, the report,
consent (mutual listings connect, one-sided ones are suggestions and send nothing), re-imports,
contacts who join later, blocks, and refusals (422 naming file:line, 413) that write nothing."""

from __future__ import annotations

from datetime import date

import pytest

from harness.linkedin_export import (
    connections_csv,
    education_csv,
    export_zip,
    fake_contacts,
    positions_csv,
    profile_csv,
)
from tests.support.auth import AuthActions
from tests.support.graph import connect
from tests.support.linkedin import contact, import_contacts, set_identity, upload
from tests.support.pages import all_pages
from tests.support.races import race

NOTHING = "MATCH (c:Contact) RETURN count(c) AS n"


@pytest.fixture
def people(client, cypher) -> AuthActions:
    actors = AuthActions(client)
    for person_id in ("ana", "ben", "cyd", "dan"):
        actors.add(cypher, person_id, name=f"{person_id.title()} Costa")
    return actors


def contacts_of(people, person_id: str) -> list[dict]:
    return all_pages(people, person_id, "/v1/me/contacts", limit=7)


def suggestions(people, person_id: str) -> list[dict]:
    answer = people.get(person_id, "/v1/me/suggestions")
    assert answer.status_code == 200, answer.json
    return answer.json["items"]


def notifications(people, person_id: str) -> list[tuple]:
    items = people.get(person_id, "/v1/me/notifications").json["items"]
    return [(n["kind"], n["actor"]["id"] if n["actor"] else None) for n in items]


@pytest.mark.parametrize(
    "quirks",
    [
        {"preamble": "notes", "bom": True, "crlf": True, "trailing_empty": 4},
        {"preamble": "short", "bom": False, "crlf": False},
        {"preamble": "none", "layout": "old", "trailing_empty": 1},
    ],
)
def test_each_quirk_imports_every_row_as_a_private_contact(people, cypher, quirks):
    rows = fake_contacts(30, seed=11)
    report = import_contacts(people, "ana", rows, **quirks)
    assert (report["rows_read"], report["contacts_added"], report["unmatched"]) == (30, 30, 0 + 30)
    assert report["skipped"] == [] and report["matched_members"] == 0
    listed = contacts_of(people, "ana")
    assert sorted(
        (c["name"], c["company"], c["position"], c["connected_on"], c["member"]) for c in listed
    ) == sorted(
        (f"{r.first_name} {r.last_name}", r.company, r.position, r.connected_on.isoformat(), None)
        for r in rows
    )
    # Private: nobody else sees them, in any answer.
    assert contacts_of(people, "ben") == []


def test_the_zip_fills_the_profile_and_history_without_overwriting(people, cypher):
    people.patch("ana", "/v1/me", {"headline": "My own words"})
    files = {
        "Profile.csv": profile_csv(
            {
                "first_name": "Ana",
                "last_name": "Costa",
                "headline": "Export headline",
                "summary": "Builds things, carefully.",
                "location": "Berlin",
            }
        ),
        "Positions.csv": positions_csv(
            [
                {"company": "Acme, Inc.", "title": "CTO", "start": date(2021, 3, 1)},
                {
                    "company": "Globex GmbH",
                    "title": "Engineer",
                    "start": date(2015, 1, 1),
                    "end": date(2021, 2, 1),
                },
                {"company": "Future Co", "title": "Seer", "start": date(2999, 1, 1)},
            ]
        ),
        "Education.csv": education_csv(
            [{"school": "TU Berlin", "degree": "MSc", "start": 2012, "end": 2014}]
        ),
        "Connections.csv": connections_csv(fake_contacts(3, seed=1)),
    }
    answer = upload(people, "ana", {"Basic_LinkedInDataExport.zip": export_zip(files)})
    assert answer.status_code == 200, answer.json
    report = answer.json
    assert sorted(report["profile_fields"]) == ["location", "summary"]
    assert (report["positions_added"], report["education_added"]) == (2, 1)
    assert [s.split(": ", 1)[1] for s in report["skipped"]] == ["starts after this month"]
    assert report["skipped"][0].startswith("Basic_LinkedInDataExport.zip/Positions.csv:4")
    me = people.get("ana", "/v1/me").json
    assert (me["headline"], me["location"]) == ("My own words", "Berlin")
    assert [(p["organization"]["name"], p["current"]) for p in me["positions"]] == [
        ("Acme, Inc.", True),
        ("Globex GmbH", False),
    ]
    assert [(e["school"]["name"], e["start"], e["end"]) for e in me["education"]] == [
        ("TU Berlin", "2012-01", "2014-12")
    ]
    # Again: nothing new; with overwrite the headline is the export's, no entry doubles.
    again = upload(people, "ana", {"export.zip": export_zip(files)}).json
    assert again["summary"] == "Nothing new: everything in these files was imported before."
    forced = upload(people, "ana", {"export.zip": export_zip(files)}, overwrite="true")
    assert forced.status_code == 200, forced.json
    forced = forced.json
    assert forced["profile_fields"] == ["headline"] and forced["positions_added"] == 0
    me = people.get("ana", "/v1/me").json
    assert me["headline"] == "Export headline" and len(me["positions"]) == 2


def test_a_malformed_file_is_422_naming_file_and_line_and_writes_nothing(people, cypher):
    broken = b'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"Ana,Costa\n'
    files = {
        "Profile.csv": profile_csv({"first_name": "Ana", "last_name": "Costa", "headline": "X"}),
        "Connections.csv": broken,
    }
    answer = upload(people, "ana", {"export.zip": export_zip(files)})
    assert answer.status_code == 422
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert answer.json["errors"]["file"][0].startswith("export.zip/Connections.csv:2: not CSV")
    assert cypher(NOTHING) == [{"n": 0}]
    assert people.get("ana", "/v1/me").json["headline"] is None
    nothing = upload(people, "ana", {"notes.txt": b"hello"})
    assert nothing.status_code == 422 and "no header row" in nothing.json["detail"]


def test_an_upload_over_the_limit_is_413_problem_json(make_app, cypher):
    small = AuthActions(make_app(upload_max_bytes=10_000).test_client())
    small.add(cypher, "ana")
    big = connections_csv(fake_contacts(200, seed=2))
    assert len(big) > 10_000
    answer = upload(small, "ana", {"Connections.csv": big})
    assert answer.status_code == 413
    assert answer.headers["Content-Type"] == "application/problem+json"
    assert cypher(NOTHING) == [{"n": 0}]
    # Other endpoints keep the JSON body limit.
    assert small.patch("ana", "/v1/me", {"summary": "x" * 70_000}).status_code == 413


def test_a_one_sided_listing_sends_nothing_and_tops_the_suggestions(people, cypher):
    set_identity(people, "ben", "ben-okafor")
    connect(cypher, "ana", "cyd")
    connect(cypher, "cyd", "dan")  # dan: a 2nd connection of ana, an ordinary suggestion
    report = import_contacts(
        people, "ana", [contact("Ben-Okafor", "Ben", "Okafor", date(2020, 5, 1))]
    )
    assert (report["matched_members"], report["suggestions_added"], report["connections_made"]) == (
        1,
        1,
        0,
    )
    top = suggestions(people, "ana")
    assert [s["id"] for s in top] == ["ben", "dan"]
    assert top[0]["reasons"][0] == {"code": "linkedin_contact", "text": "Connected on LinkedIn"}
    assert all(r["code"] != "linkedin_contact" for r in top[1]["reasons"])
    # Nothing sent: no request, no notification; ben sees ana as a suggestion with the reason.
    assert cypher("MATCH ()-[r:REQUESTED]->() RETURN count(r) AS n") == [{"n": 0}]
    assert notifications(people, "ben") == []
    assert [s["id"] for s in suggestions(people, "ben")][:1] == ["ana"]
    listed = contacts_of(people, "ana")
    assert listed[0]["member"] == {"id": "ben", "name": "Ben Costa"}
    # Dismissing works as for any suggestion; deleting the contact removes the reason.
    assert people.delete("ana", f"/v1/me/contacts/{listed[0]['id']}").status_code == 204
    assert [s["id"] for s in suggestions(people, "ana")] == ["dan"]
    assert people.delete("ana", f"/v1/me/contacts/{listed[0]['id']}").status_code == 404


def test_two_members_listing_each_other_are_connected_once_since_the_earlier_date(people, cypher):
    set_identity(people, "ana", "ana-costa")
    set_identity(people, "ben", None, "ben@example.com")
    first = import_contacts(
        people, "ana", [contact("nobody", "Ben", "Okafor", date(2021, 6, 2), "BEN@example.com ")]
    )
    assert (first["suggestions_added"], first["connections_made"]) == (1, 0)
    second = import_contacts(
        people, "ben", [contact("ana-costa", "Ana", "Costa", date(2019, 1, 15))]
    )
    assert (second["connections_made"], second["suggestions_added"]) == (1, 0)
    rows = cypher(
        "MATCH (:Person {id: 'ana'})-[c:CONNECTED_TO]-(:Person {id: 'ben'}) "
        "RETURN count(c) AS n, toString(min(c.since)) AS since"
    )
    assert rows == [{"n": 1, "since": "2019-01-15T00:00:00Z"}]
    assert notifications(people, "ana") == [("linkedin.connected", "ben")]
    assert suggestions(people, "ana") == [] and suggestions(people, "ben") == []
    again = import_contacts(
        people, "ben", [contact("ana-costa", "Ana", "Costa", date(2019, 1, 15))]
    )
    assert (again["contacts_added"], again["connections_made"], again["already_connected"]) == (
        0,
        0,
        1,
    )
    assert again["summary"].startswith("Nothing new")


@pytest.mark.parametrize("fewer", ["importer_matched", "member_contacts"])
def test_a_listing_back_is_found_from_either_side(people, cypher, fewer):
    """imports.listed_back reads the member's contact naming the importer from whichever side
    has fewer relationships: the importer's matches, or the member's contacts."""
    set_identity(people, "ana", "ana-costa")
    set_identity(people, "ben", "ben-okafor")
    extra = [contact(f"nobody-{n}", "No", f"Body{n}", date(2020, 1, n + 1)) for n in range(3)]
    ben = contact("ben-okafor", "Ben", "Okafor", date(2021, 6, 2))
    import_contacts(people, "ana", [ben, *(extra if fewer == "importer_matched" else [])])
    if fewer == "member_contacts":  # ben is matched by more contacts than ana has
        for other in ("cyd", "dan"):
            import_contacts(people, other, [ben])
    second = import_contacts(
        people, "ben", [contact("ana-costa", "Ana", "Costa", date(2022, 3, 1))]
    )
    assert second["connections_made"] == 1
    rows = cypher(
        "MATCH (:Person {id: 'ana'})-[c:CONNECTED_TO]-(:Person {id: 'ben'}) "
        "RETURN count(c) AS n, toString(c.since) AS since"
    )
    assert rows == [{"n": 1, "since": "2021-06-02T00:00:00Z"}]


def test_reimporting_adds_nothing_and_a_newer_export_only_what_is_new(people, cypher):
    rows = fake_contacts(40, seed=4)
    import_contacts(people, "ana", rows)
    again = import_contacts(people, "ana", rows, preamble="short", bom=True)
    assert (again["rows_read"], again["contacts_added"]) == (40, 0)
    assert again["summary"] == "Nothing new: everything in these files was imported before."
    newer = import_contacts(people, "ana", rows + fake_contacts(45, seed=4)[40:])
    assert newer["contacts_added"] == 5
    assert cypher(NOTHING) == [{"n": 45}]


def test_a_contact_who_joins_later_is_announced_and_suggested(people, cypher):
    import_contacts(people, "ana", [contact("ben-okafor", "Ben", "Okafor", date(2022, 2, 2))])
    assert suggestions(people, "ana") == []
    set_identity(people, "ben", "ben-okafor")  # ben joins, or adds his URL
    assert notifications(people, "ana") == [("linkedin.contact_joined", "ben")]
    assert [s["id"] for s in suggestions(people, "ben")] == ["ana"]
    assert [s["id"] for s in suggestions(people, "ana")] == ["ben"]
    # Then ben imports ana too: connected, not suggested.
    set_identity(people, "ana", "ana-costa")
    import_contacts(people, "ben", [contact("ana-costa", "Ana", "Costa", date(2023, 3, 3))])
    assert cypher(
        "MATCH (:Person {id: 'ana'})-[c:CONNECTED_TO]-() RETURN toString(c.since) AS s"
    ) == [{"s": "2022-02-02T00:00:00Z"}]


def test_blocked_people_are_never_matched(people, cypher):
    set_identity(people, "ben", "ben-okafor")
    set_identity(people, "cyd", "cyd-lee")
    assert people.put("ben", "/v1/me/blocks/ana").status_code == 204
    report = import_contacts(
        people,
        "ana",
        [
            contact("ben-okafor", "Ben", "Okafor", date(2020, 1, 1)),
            contact("cyd-lee", "Cyd", "Lee", date(2020, 1, 1)),
        ],
    )
    assert (report["matched_members"], report["unmatched"]) == (1, 1)
    assert [s["id"] for s in suggestions(people, "ana")] == ["cyd"]
    assert {c["name"]: c["member"] for c in contacts_of(people, "ana")}["Ben Okafor"] is None
    # A contact of a blocked person's is not matched when they add their URL either.
    import_contacts(people, "dan", [contact("ana-costa", "Ana", "Costa", date(2020, 1, 1))])
    assert people.put("dan", "/v1/me/blocks/ana").status_code == 204
    set_identity(people, "ana", "ana-costa")
    assert notifications(people, "dan") == []


def test_contacts_are_in_the_export_and_go_with_the_account(people, cypher):
    import_contacts(people, "ana", fake_contacts(3, seed=8))
    sections = people.get("ana", "/v1/me/export").json["sections"]
    assert len(sections["contacts"]) == 3 and "key" not in sections["contacts"][0]
    assert people.delete("ana", "/v1/me", json={"confirm": "ana"}).status_code == 204
    assert cypher(NOTHING) == [{"n": 0}]


def test_two_members_importing_each_other_at_once_are_connected_once(live_server, cypher):
    actors = AuthActions(None)
    calls = []
    for me, other in (("ana", "ben"), ("ben", "ana")):
        token = actors.add(cypher, me)
        cypher("MATCH (p:Person {id: $id}) SET p.linkedin_key = 'in/' + $id", id=me)
        data = connections_csv([contact(other, other.title(), "X", date(2020, 1, 1))])
        calls += [
            ("POST", f"{live_server}/v1/me/imports", token, {"file": [("Connections.csv", data)]})
        ] * 3
    responses = race(calls, multipart=True)
    assert [r.status_code for r in responses] == [200] * 6
    assert sum(r.json()["connections_made"] for r in responses) == 1
    assert cypher("MATCH ()-[c:CONNECTED_TO]->() RETURN count(c) AS n") == [{"n": 1}]
    assert cypher(NOTHING) == [{"n": 2}]


def test_a_linkedin_suggestion_shows_from_a_network_view_too(make_app, cypher):
    """Views on for everyone: the import's delta puts the contact at the top of the view."""
    app = make_app(view_threshold=0)
    people = AuthActions(app.test_client())
    for person_id in ("ana", "ben", "cyd", "dan"):
        people.add(cypher, person_id)
    connect(cypher, "ana", "cyd")
    connect(cypher, "cyd", "dan")
    set_identity(people, "ben", "ben-okafor")
    refresher = app.extensions["mutuals"].refresher
    for person_id in ("ana", "ben"):
        assert refresher.refresh(person_id, "suggestions", force=True) == "refreshed"
    import_contacts(people, "ana", [contact("ben-okafor", "Ben", "Okafor", date(2020, 5, 1))])
    for me, expected in (("ana", ["ben", "dan"]), ("ben", ["ana"])):
        page = people.get(me, "/v1/me/suggestions").json
        assert page["from_view"] is True, me
        assert [s["id"] for s in page["items"]][: len(expected)] == expected
        assert page["items"][0]["reasons"][0]["code"] == "linkedin_contact"
    # The view equals the live answer.
    live = make_app(view_max_age_s=0)
    live_people = AuthActions(live.test_client(), people.tokens)
    for me in ("ana", "ben"):
        assert (
            live_people.get(me, "/v1/me/suggestions").json["items"]
            == people.get(me, "/v1/me/suggestions").json["items"]
        )
