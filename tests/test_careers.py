"""Positions and education on profiles: add, list (current first, then newest), change,
remove, and the 422s (end before start, months after this one, more than 100 entries)."""

from __future__ import annotations

from backend.careers.service import MAX_ENTRIES
from tests.support.auth import AuthActions
from tests.support.graph import connect, graph_fingerprint

ACME = {"name": "Acme Inc"}


def position(organization=ACME, **more) -> dict:
    return {"organization": organization, "title": "Engineer", "start": "2020-01", **more}


def ada(client, cypher) -> AuthActions:
    people = AuthActions(client)
    people.add(cypher, "ada")
    return people


def test_positions_list_current_first_then_newest(client, cypher):
    people = ada(client, cypher)
    added = [
        people.post("ada", "/v1/me/positions", body).json
        for body in (
            position(start="2010-01", end="2012-06", title="Intern"),
            position({"name": "Globex"}, start="2019-03", title="Lead", location="Berlin"),
            position(start="2012-07", end="2019-02", title="Engineer"),
            position({"name": "Initech"}, start="2021-01", title="Advisor"),
        )
    ]
    assert added[1] == {
        "id": added[1]["id"],
        "organization": {**added[1]["organization"], "kind": "company", "name": "Globex"},
        "title": "Lead",
        "start": "2019-03",
        "end": None,
        "current": True,
        "location": "Berlin",
        "description": None,
    }
    listed = people.get("ada", "/v1/me/positions").json["items"]
    assert [p["title"] for p in listed] == ["Advisor", "Lead", "Engineer", "Intern"]
    assert [p["current"] for p in listed] == [True, True, False, False]


def test_a_position_changes_and_moves_to_another_organization(client, cypher):
    people = ada(client, cypher)
    first = people.post("ada", "/v1/me/positions", position()).json
    changed = people.patch(
        "ada",
        f"/v1/me/positions/{first['id']}",
        {"end": "2023-05", "organization": {"name": "Globex"}, "description": "Built things"},
    )
    assert changed.status_code == 200, changed.json
    assert changed.json["id"] == first["id"]
    assert (changed.json["end"], changed.json["current"]) == ("2023-05", False)
    assert changed.json["organization"]["name"] == "Globex"
    assert changed.json["description"] == "Built things"
    assert changed.json["title"] == "Engineer"  # untouched
    again = people.patch("ada", f"/v1/me/positions/{first['id']}", {"end": None}).json
    assert again["current"] is True
    assert cypher("MATCH (:Person)-[w:WORKED_AT]->(o) RETURN o.name AS o") == [{"o": "Globex"}]
    assert people.delete("ada", f"/v1/me/positions/{first['id']}").status_code == 204
    assert people.get("ada", "/v1/me/positions").json == {"items": []}
    assert people.delete("ada", f"/v1/me/positions/{first['id']}").status_code == 404


def test_someone_elses_position_is_not_found(client, cypher):
    people = ada(client, cypher)
    people.add(cypher, "bob")
    mine = people.post("ada", "/v1/me/positions", position()).json
    assert people.patch("bob", f"/v1/me/positions/{mine['id']}", {"title": "x"}).status_code == 404
    assert people.delete("bob", f"/v1/me/positions/{mine['id']}").status_code == 404
    assert people.get("ada", "/v1/me/positions").json["items"] == [mine]


def test_bad_dates_and_references_are_422_and_change_nothing(client, cypher, clock):
    people = ada(client, cypher)
    kept = people.post("ada", "/v1/me/positions", position(start="2020-01")).json
    school = people.post("ada", "/v1/me/education", {"school": {"name": "TU Berlin"}}).json
    before = graph_fingerprint(cypher)
    # The clock of the tests says January 2026.
    refused = {
        "end before start": (position(start="2020-05", end="2020-04"), "end"),
        "future start": (position(start="2026-02"), "start"),
        "future end": (position(start="2025-01", end="2027-01"), "end"),
        "no month": (position(start="2020"), "start"),
        "month 13": (position(start="2020-13"), "start"),
        "before 1900": (position(start="1899-12"), "start"),
        "no title": ({"organization": ACME, "start": "2020-01"}, "title"),
        "id and name": (position({"id": "x", "name": "Acme"}), "organization"),
        "no such id": (position({"id": "nope"}), "organization"),
        "a school's id": (position({"id": school["school"]["id"]}), "organization"),
        "bad domain": (position({"name": "Acme", "domain": "not a domain"}), "organization"),
        "punctuation only": (position({"name": "!!!"}), "organization"),
    }
    for case, (body, field) in refused.items():
        response = people.post("ada", "/v1/me/positions", body)
        assert response.status_code == 422, case
        assert response.content_type == "application/problem+json"
        assert field in response.json["errors"], (case, response.json)
    edit = people.patch("ada", f"/v1/me/positions/{kept['id']}", {"end": "2019-12"})
    assert edit.status_code == 422 and "end" in edit.json["errors"]
    assert people.patch("ada", f"/v1/me/positions/{kept['id']}", {}).status_code == 422
    assert graph_fingerprint(cypher) == before
    assert people.post("ada", "/v1/me/positions", position(start="2026-01")).status_code == 201


def test_at_most_100_positions(client, cypher):
    people = ada(client, cypher)
    organization = people.post("ada", "/v1/me/positions", position()).json["organization"]
    cypher(
        "MATCH (p:Person {id: 'ada'}), (o:Organization {id: $org}) "
        "UNWIND range(2, $n) AS i CREATE (p)-[:WORKED_AT {id: 'w' + i, title: 't', start: 24000}]->(o)",
        org=organization["id"],
        n=MAX_ENTRIES,
    )
    response = people.post("ada", "/v1/me/positions", position())
    assert response.status_code == 422
    assert "100" in response.json["detail"]
    assert cypher("MATCH (:Person)-[w:WORKED_AT]->() RETURN count(w) AS n") == [{"n": MAX_ENTRIES}]
    # Changing one of them is still fine.
    assert people.patch("ada", "/v1/me/positions/w2", {"title": "New"}).status_code == 200


def test_education_entries_with_optional_months(client, cypher):
    people = ada(client, cypher)
    old = people.post(
        "ada",
        "/v1/me/education",
        {"school": {"name": "TU Berlin"}, "degree": "BSc", "start": "2008-10", "end": "2011-09"},
    ).json
    now = people.post(
        "ada", "/v1/me/education", {"school": {"name": "Open University"}, "field": "History"}
    ).json
    assert (now["start"], now["end"], now["current"]) == (None, None, True)
    assert old["school"]["kind"] == "school"
    listed = people.get("ada", "/v1/me/education").json["items"]
    assert [e["id"] for e in listed] == [now["id"], old["id"]]
    moved = people.patch("ada", f"/v1/me/education/{old['id']}", {"degree": None}).json
    assert moved["degree"] is None and moved["school"] == old["school"]
    assert people.delete("ada", f"/v1/me/education/{now['id']}").status_code == 204
    refused = people.post(
        "ada", "/v1/me/education", {"school": {"name": "X"}, "start": "2012-01", "end": "2011-01"}
    )
    assert refused.status_code == 422 and "end" in refused.json["errors"]


def test_deleting_the_account_erases_positions_and_education_not_the_organizations(client, cypher):
    people = ada(client, cypher)
    people.add(cypher, "bob")
    people.post("ada", "/v1/me/positions", position())
    people.post("bob", "/v1/me/positions", position())
    people.post("ada", "/v1/me/education", {"school": {"name": "TU Berlin"}})
    assert people.delete("ada", "/v1/me", json={"confirm": "ada"}).status_code == 204
    assert cypher(
        "MATCH (p:Person)-[r:WORKED_AT|STUDIED_AT]->() RETURN p.id AS id, type(r) AS type"
    ) == [{"id": "bob", "type": "WORKED_AT"}]
    assert cypher("MATCH (o:Organization) RETURN count(o) AS n") == [{"n": 2}]


def test_profiles_show_positions_and_education_and_a_headline_from_the_current_job(client, cypher):
    people = ada(client, cypher)
    people.add(cypher, "bob")
    people.post("ada", "/v1/me/positions", position(start="2010-01", end="2015-01", title="Dev"))
    people.post(
        "ada", "/v1/me/positions", position({"name": "Globex"}, start="2016-01", title="CTO")
    )
    people.post("ada", "/v1/me/education", {"school": {"name": "TU Berlin"}, "degree": "MSc"})
    seen = people.get("bob", "/v1/people/ada").json
    assert [p["title"] for p in seen["positions"]] == ["CTO", "Dev"]
    assert [e["school"]["name"] for e in seen["education"]] == ["TU Berlin"]
    assert seen["headline"] == "CTO at Globex"
    assert people.get("ada", "/v1/me").json["headline"] == "CTO at Globex"
    # A headline of one's own wins; without a current position there is none.
    people.patch("ada", "/v1/me", {"headline": "Builder of things"})
    assert people.get("bob", "/v1/people/ada").json["headline"] == "Builder of things"
    assert people.get("bob", "/v1/people/bob").json["headline"] is None


def test_search_filters_by_current_organization_and_title(client, cypher):
    people = ada(client, cypher)
    for who in ("bob", "cy", "di", "ed"):
        people.add(cypher, who)
    connect(cypher, "ada", "bob")
    acme = people.post("bob", "/v1/me/positions", position(title="Staff Engineer")).json
    organization = acme["organization"]["id"]
    people.post("cy", "/v1/me/positions", position({"id": organization}, title="Recruiter"))
    # Di was there; Ed is an engineer elsewhere.
    people.post("di", "/v1/me/positions", position({"id": organization}, end="2021-01"))
    people.post("ed", "/v1/me/positions", position({"name": "Globex"}, title="Engineer"))

    def found(**query) -> list[str]:
        response = people.get("ada", "/v1/people", **query)
        assert response.status_code == 200, response.json
        return [person["id"] for person in response.json["items"]]

    assert found(organization=organization) == ["bob", "cy"]
    assert found(title="ENGINEER") == ["bob", "ed"]
    assert found(organization=organization, title="engineer") == ["bob"]
    assert found(organization=organization, degree="1") == ["bob"]
    assert found(organization=organization, q="c") == ["cy"]
    assert found(organization="nope") == []
    assert people.put("ada", "/v1/me/blocks/bob").status_code == 204
    assert found(organization=organization) == ["cy"]
