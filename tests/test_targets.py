"""Target companies through the test client: the board (add, remove, reorder, notes, the 50
limit), its counts and paths, sharing with a coach and what the coach sees, the read log,
the new-position notice, export and erasure. The flow and the races over gunicorn are in
tests/test_targets_flow.py; the board against plain Python in tests/test_target_boards.py."""

from __future__ import annotations

from backend.targets.service import MAX_TARGETS
from tests.support.auth import AuthActions
from tests.support.graph import connect, graph_fingerprint


def crowd(client, cypher, *ids: str) -> AuthActions:
    people = AuthActions(client)
    for person_id in ids:
        people.add(cypher, person_id)
    return people


def works_at(people, person_id: str, organization: dict, **more) -> dict:
    body = {"organization": organization, "title": "Engineer", "start": "2020-01", **more}
    response = people.post(person_id, "/v1/me/positions", body)
    assert response.status_code == 201, response.json
    return response.json["organization"]


def add_target(people, person_id: str, organization: dict, **more):
    return people.post(person_id, "/v1/me/targets", {"organization": organization, **more})


def organizations(cypher, *names: str) -> list[str]:
    cypher(
        "UNWIND $names AS name CREATE (:Organization {id: 'org-' + name, kind: 'company', "
        "name: name, aliases: []})",
        names=list(names),
    )
    return [f"org-{name}" for name in names]


def test_add_reorder_note_and_remove(client, cypher):
    people = crowd(client, cypher, "ada")
    acme, globex, initech = organizations(cypher, "acme", "globex", "initech")
    added = add_target(people, "ada", {"id": acme}, notes="  Platform team  ")
    assert added.status_code == 201, added.json
    assert added.json["position"] == 1 and added.json["notes"] == "Platform team"
    assert added.json["organization"]["id"] == acme
    add_target(people, "ada", {"id": globex})
    by_name = add_target(people, "ada", {"name": "Hooli, Inc."})
    assert by_name.status_code == 201 and by_name.json["organization"]["name"] == "Hooli, Inc."
    hooli = by_name.json["organization"]["id"]
    add_target(people, "ada", {"id": initech})

    def order() -> list[str]:
        return [t["organization"]["id"] for t in people.get("ada", "/v1/me/targets").json["items"]]

    assert order() == [acme, globex, hooli, initech]
    moved = people.patch("ada", f"/v1/me/targets/{initech}", {"position": 1, "notes": "Dream"})
    assert moved.status_code == 200, moved.json
    assert (moved.json["position"], moved.json["notes"]) == (1, "Dream")
    assert order() == [initech, acme, globex, hooli]
    people.patch("ada", f"/v1/me/targets/{initech}", {"position": MAX_TARGETS})  # past the end
    assert order() == [acme, globex, hooli, initech]
    cleared = people.patch("ada", f"/v1/me/targets/{acme}", {"notes": None})
    assert cleared.json["notes"] is None and cleared.json["position"] == 1
    assert people.delete("ada", f"/v1/me/targets/{globex}").status_code == 204
    board = people.get("ada", "/v1/me/targets").json["items"]
    assert [(t["organization"]["id"], t["position"]) for t in board] == [
        (acme, 1),
        (hooli, 2),
        (initech, 3),
    ]
    assert people.delete("ada", f"/v1/me/targets/{globex}").status_code == 404
    assert people.patch("ada", f"/v1/me/targets/{globex}", {"notes": "x"}).status_code == 404


def test_refusals_leave_the_graph_as_it_was(client, cypher):
    people = crowd(client, cypher, "ada")
    (acme,) = organizations(cypher, "acme")
    cypher("CREATE (:Organization {id: 'org-tu', kind: 'school', name: 'TU', aliases: []})")
    add_target(people, "ada", {"id": acme})
    before = graph_fingerprint(cypher)
    for body, status in (
        ({"organization": {"id": acme}}, 409),  # there already
        ({"organization": {"id": "org-tu"}}, 422),  # a school
        ({"organization": {"id": "nope"}}, 422),
        ({"organization": {"id": acme, "name": "Acme"}}, 422),
        ({}, 422),
        ({"organization": {"id": acme}, "notes": "x" * 2001}, 422),
    ):
        response = people.post("ada", "/v1/me/targets", body)
        assert response.status_code == status, (body, response.json)
        assert response.headers["Content-Type"] == "application/problem+json"
    for body in ({}, {"position": 0}, {"position": "first"}):
        assert people.patch("ada", f"/v1/me/targets/{acme}", body).status_code == 422
    assert graph_fingerprint(cypher) == before


def test_the_fifty_first_target_is_refused(client, cypher):
    people = crowd(client, cypher, "ada")
    ids = organizations(cypher, *(f"o{n}" for n in range(MAX_TARGETS + 1)))
    for organization in ids[:MAX_TARGETS]:
        assert add_target(people, "ada", {"id": organization}).status_code == 201
    refused = add_target(people, "ada", {"id": ids[-1]})
    assert refused.status_code == 422
    assert "50 targets" in refused.json["errors"]["organization"][0]
    assert len(people.get("ada", "/v1/me/targets").json["items"]) == MAX_TARGETS


def test_the_board_counts_people_and_shows_the_best_paths_in(client, cypher):
    """ada knows bob (at Acme now) and cy (was at Acme); bob and cy know di and ed (at Acme
    now) and fay (was there); gus is three hops away."""
    people = crowd(client, cypher, "ada", "bob", "cy", "di", "ed", "fay", "gus")
    for a, b in (("ada", "bob"), ("ada", "cy"), ("bob", "di"), ("cy", "ed"), ("cy", "fay")):
        connect(cypher, a, b)
    connect(cypher, "di", "gus")
    acme = works_at(people, "bob", {"name": "Acme"}, title="Manager")["id"]
    works_at(people, "cy", {"id": acme}, end="2021-01")
    works_at(people, "di", {"id": acme}, title="Staff Engineer", start="2018-01")
    works_at(people, "ed", {"id": acme})
    works_at(people, "fay", {"id": acme}, end="2022-01")
    works_at(people, "gus", {"id": acme})
    people.put("ada", "/v1/me/connections/cy/closeness", {"closeness": "close"})
    add_target(people, "ada", {"id": acme})

    [target] = people.get("ada", "/v1/me/targets").json["items"]
    assert target["network"] == {
        "first": {"current": 1, "former": 1},
        "second": {"current": 2, "former": 1},
    }
    paths = target["paths"]
    # bob is a 1st connection; ed's broker cy is rated close, so ed comes before di.
    assert [(p["person"]["id"], p["degree"]) for p in paths] == [("bob", 1), ("ed", 2), ("di", 2)]
    assert paths[0]["broker"] is None and paths[0]["title"] == "Manager"
    assert [r["code"] for r in paths[0]["reasons"]] == ["first_connection"]
    assert paths[1]["broker"]["id"] == "cy"
    assert {"code": "your_closeness", "text": "You rated them 'close'"} in paths[1]["reasons"]
    assert paths[2]["broker"]["id"] == "bob"
    assert (paths[2]["title"], paths[2]["start"]) == ("Staff Engineer", "2018-01")
    brokers = people.get("ada", "/v1/people/di/brokers").json["items"]
    assert paths[2]["reasons"] == brokers[0]["reasons"]

    # A block hides the person and everything through them.
    assert people.put("ada", "/v1/me/blocks/cy").status_code == 204
    [target] = people.get("ada", "/v1/me/targets").json["items"]
    assert target["network"] == {
        "first": {"current": 1, "former": 0},
        "second": {"current": 1, "former": 0},
    }
    assert [p["person"]["id"] for p in target["paths"]] == ["bob", "di"]


def test_a_connection_starting_at_a_target_notifies_the_seeker(client, cypher):
    people = crowd(client, cypher, "ada", "bob", "cy")
    connect(cypher, "ada", "bob")
    (acme,) = organizations(cypher, "acme")
    add_target(people, "ada", {"id": acme})
    cypher(
        "MATCH (ada:Person {id: 'ada'}) CREATE (ada)-[:HAS_WEBHOOK]->(:Webhook {id: 'w1', "
        "url: 'https://hooks.example/ada', enabled: true, kinds: ['target.position_started']})"
    )
    works_at(people, "bob", {"id": acme}, end="2021-01")  # a former position: no notice
    works_at(people, "cy", {"id": acme})  # not ada's connection
    position = people.post(
        "bob",
        "/v1/me/positions",
        {"organization": {"id": acme}, "title": "CTO", "start": "2025-01"},
    ).json
    notices = people.get("ada", "/v1/me/notifications").json["items"]
    assert [(n["kind"], n["actor"]["id"], n["data"]) for n in notices] == [
        (
            "target.position_started",
            "bob",
            {"person_id": "bob", "organization_id": acme, "position_id": position["id"]},
        )
    ]
    deliveries = cypher("MATCH (:Webhook {id: 'w1'})-[:DELIVERS]->(d) RETURN d.kind AS kind")
    assert deliveries == [{"kind": "target.position_started"}]
    assert people.get("cy", "/v1/me/notifications").json["items"] == []


def test_sharing_with_a_coach_who_reads_and_the_seeker_sees_the_reads(client, cypher, clock):
    people = crowd(client, cypher, "ada", "coach", "bob", "stranger")
    connect(cypher, "ada", "coach")
    connect(cypher, "ada", "bob")
    (acme,) = organizations(cypher, "acme")
    add_target(people, "ada", {"id": acme})

    # Only a 1st connection can be a coach; nobody reads a board not shared with them.
    assert people.put("ada", "/v1/me/targets/shares/stranger").status_code == 422
    assert people.put("ada", "/v1/me/targets/shares/ada").status_code == 422
    assert people.get("coach", "/v1/people/ada/targets").status_code == 404
    assert people.get("coach", "/v1/me/shared-boards").json["items"] == []

    shared = people.put("ada", "/v1/me/targets/shares/coach")
    assert shared.status_code == 200, shared.json
    assert (shared.json["person"]["id"], shared.json["active"]) == ("coach", True)
    assert people.put("ada", "/v1/me/targets/shares/coach").json == shared.json  # no change
    assert [
        s["person"]["id"] for s in people.get("ada", "/v1/me/targets/shares").json["items"]
    ] == ["coach"]
    [board] = people.get("coach", "/v1/me/shared-boards").json["items"]
    assert (board["person"]["id"], board["targets"]) == ("ada", 1)

    read = people.get("coach", "/v1/people/ada/targets")
    assert read.status_code == 200, read.json
    assert [t["organization"]["id"] for t in read.json["items"]] == [acme]
    clock.advance(hours=1)
    people.get("coach", "/v1/people/ada/targets")
    people.get("ada", "/v1/people/ada/targets")  # one's own reads are not logged
    log = people.get("ada", "/v1/me/targets/reads", limit=1)
    assert [r["reader"]["id"] for r in log.json["items"]] == ["coach"]
    rest = people.get("ada", "/v1/me/targets/reads", cursor=log.json["next_cursor"]).json
    assert len(rest["items"]) == 1 and rest["next_cursor"] is None
    assert rest["items"][0]["at"] < log.json["items"][0]["at"]

    # Removing the connection stops the reads; revoking ends the share.
    people.delete("ada", "/v1/me/connections/coach")
    assert people.get("coach", "/v1/people/ada/targets").status_code == 404
    assert people.get("ada", "/v1/me/targets/shares").json["items"][0]["active"] is False
    assert people.delete("ada", "/v1/me/targets/shares/coach").status_code == 204
    assert people.delete("ada", "/v1/me/targets/shares/coach").status_code == 404
    assert len(people.get("ada", "/v1/me/targets/reads").json["items"]) == 2


def test_a_coach_sees_no_more_of_the_network_than_their_own_lists_show(client, cypher):
    """ada hides her connections; coach knows bob but not cy. bob and cy are at Acme now, and
    di (whom only cy knows, with a hidden list) and ed (known through bob, whose list is open
    to his connection the coach) are there too."""
    people = crowd(client, cypher, "ada", "coach", "bob", "cy", "di", "ed")
    cypher("MATCH (p:Person) WHERE p.id IN ['ada', 'cy'] SET p.connections_visibility = 'private'")
    for a, b in (("ada", "coach"), ("ada", "bob"), ("ada", "cy"), ("coach", "bob")):
        connect(cypher, a, b)
    connect(cypher, "cy", "di")
    connect(cypher, "bob", "ed")
    (acme,) = organizations(cypher, "acme")
    for who in ("bob", "cy", "di", "ed"):
        works_at(people, who, {"id": acme})
    people.put("ada", "/v1/me/connections/bob/closeness", {"closeness": "close"})
    add_target(people, "ada", {"id": acme})
    people.put("ada", "/v1/me/targets/shares/coach")

    [own] = people.get("ada", "/v1/me/targets").json["items"]
    assert own["network"]["first"]["current"] == 2 and own["network"]["second"]["current"] == 2
    [seen] = people.get("coach", "/v1/people/ada/targets").json["items"]
    assert seen["network"] == {
        "first": {"current": 1, "former": 0},
        "second": {"current": 1, "former": 0},
    }
    assert [(p["person"]["id"], (p["broker"] or {}).get("id")) for p in seen["paths"]] == [
        ("bob", None),
        ("ed", "bob"),
    ]
    # The seeker's own closeness rating of the broker stays hers.
    assert all(r["code"] != "your_closeness" for p in seen["paths"] for r in p["reasons"])

    # With her list open, the coach sees cy too, but still not di behind cy's hidden list.
    people.patch("ada", "/v1/me", {"connections_visibility": "connections"})
    [seen] = people.get("coach", "/v1/people/ada/targets").json["items"]
    assert {p["person"]["id"] for p in seen["paths"]} == {"bob", "cy", "ed"}
    assert seen["network"]["second"]["current"] == 1


def test_export_and_account_deletion_cover_targets_shares_and_reads(client, cypher):
    people = crowd(client, cypher, "ada", "coach")
    connect(cypher, "ada", "coach")
    (acme,) = organizations(cypher, "acme")
    add_target(people, "ada", {"id": acme}, notes="Ask around")
    people.put("ada", "/v1/me/targets/shares/coach")
    people.get("coach", "/v1/people/ada/targets")

    sections = people.get("ada", "/v1/me/export").json["sections"]
    assert [(t["organization"]["id"], t["position"], t["notes"]) for t in sections["targets"]] == [
        (acme, 1, "Ask around")
    ]
    assert [(s["direction"], s["person_id"]) for s in sections["board_shares"]] == [
        ("given", "coach")
    ]
    assert [(r["direction"], r["person_id"]) for r in sections["board_reads"]] == [
        ("of_yours", "coach")
    ]
    coach = people.get("coach", "/v1/me/export").json["sections"]
    assert [(r["direction"], r["person_id"]) for r in coach["board_reads"]] == [("by_you", "ada")]
    assert [(s["direction"], s["person_id"]) for s in coach["board_shares"]] == [
        ("received", "ada")
    ]

    assert people.delete("ada", "/v1/me", json={"confirm": "ada"}).status_code == 204
    left = cypher(
        "MATCH (n) WHERE n:BoardRead OR EXISTS { (n)-[:TARGETS|SHARES_BOARD]-() } "
        "RETURN count(n) AS n"
    )
    assert left == [{"n": 0}]
    assert cypher("MATCH (o:Organization) RETURN count(o) AS n") == [{"n": 1}]
