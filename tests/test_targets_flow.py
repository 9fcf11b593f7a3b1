"""Target companies over gunicorn, as production serves them: the acceptance flow of issue
#20 (a seeker adds three targets, a connection starts a job at one, the seeker gets the
notification, asks the best broker for an introduction to someone there, the coach reads the
shared board, and the seeker sees that read in the log), and racing adds and shares."""

from __future__ import annotations

import pytest

from backend.targets.service import MAX_TARGETS
from tests.support.auth import AuthActions
from tests.support.graph import connect
from tests.support.live import LiveClient
from tests.support.races import race


@pytest.fixture
def people(live_server, cypher) -> AuthActions:
    """ada (the seeker) knows cora (her coach), bob and cy; cy knows dee, who works at Acme."""
    people = AuthActions(LiveClient(live_server))
    for person_id in ("ada", "cora", "bob", "cy", "dee"):
        people.add(cypher, person_id)
    for a, b in (("ada", "cora"), ("ada", "bob"), ("ada", "cy"), ("cy", "dee")):
        connect(cypher, a, b)
    return people


def test_seeker_targets_hears_of_a_new_job_asks_a_broker_and_sees_the_coachs_read(people):
    dee_job = people.post(
        "dee",
        "/v1/me/positions",
        {"organization": {"name": "Acme Inc"}, "title": "Head of Platform", "start": "2021-05"},
    )
    assert dee_job.status_code == 201, dee_job.json
    acme = dee_job.json["organization"]["id"]

    # 1. Three targets: Acme by id, two more by name.
    for organization in ({"id": acme}, {"name": "Globex"}, {"name": "Initech"}):
        added = people.post("ada", "/v1/me/targets", {"organization": organization})
        assert added.status_code == 201, added.json
    board = people.get("ada", "/v1/me/targets").json["items"]
    assert [t["organization"]["name"] for t in board] == ["Acme Inc", "Globex", "Initech"]

    # 2. bob, a connection, starts a job at Acme; 3. ada is told.
    started = people.post(
        "bob",
        "/v1/me/positions",
        {"organization": {"name": "ACME inc"}, "title": "Engineer", "start": "2025-02"},
    )
    assert started.status_code == 201 and started.json["organization"]["id"] == acme
    [notice] = people.get("ada", "/v1/me/notifications", unread="true").json["items"]
    assert (notice["kind"], notice["actor"]["id"]) == ("target.position_started", "bob")
    assert notice["data"]["organization_id"] == acme

    # 4. The board's best path to someone she does not know at Acme names the broker to ask.
    acme_target = people.get("ada", "/v1/me/targets").json["items"][0]
    assert acme_target["network"]["first"]["current"] == 1  # bob now
    path = next(p for p in acme_target["paths"] if p["degree"] == 2)
    assert (path["person"]["id"], path["broker"]["id"]) == ("dee", "cy")
    asked = people.post(
        "ada",
        "/v1/intros",
        {
            "target": path["person"]["id"],
            "broker": path["broker"]["id"],
            "message": "Could you introduce me to Dee about the platform team at Acme?",
        },
    )
    assert asked.status_code == 201, asked.json
    kinds = [n["kind"] for n in people.get("cy", "/v1/me/notifications").json["items"]]
    assert kinds == ["introduction.requested"]

    # 5. The coach reads the shared board; 6. ada sees that read in her log.
    assert people.put("ada", "/v1/me/targets/shares/cora").status_code == 200
    [shared] = people.get("cora", "/v1/me/shared-boards").json["items"]
    assert shared["person"]["id"] == "ada"
    read = people.get("cora", "/v1/people/ada/targets")
    assert read.status_code == 200, read.json
    assert [t["organization"]["id"] for t in read.json["items"]][0] == acme
    [entry] = people.get("ada", "/v1/me/targets/reads").json["items"]
    assert entry["reader"]["id"] == "cora"


def test_racing_adds_stop_at_fifty_and_racing_shares_make_one(people, cypher, live_server):
    cypher(
        "UNWIND range(0, $n) AS i CREATE (:Organization {id: 'org-' + i, kind: 'company', "
        "name: 'Org ' + i, aliases: []})",
        n=MAX_TARGETS + 4,
    )
    cypher(
        "MATCH (ada:Person {id: 'ada'}), (o:Organization) WHERE toInteger(substring(o.id, 4)) < $n "
        "CREATE (ada)-[:TARGETS {position: toInteger(substring(o.id, 4)) + 1, added_at: datetime()}]->(o)",
        n=MAX_TARGETS - 2,
    )
    token = people.tokens["ada"]
    calls = [
        ("POST", f"{live_server}/v1/me/targets", token, {"organization": {"id": f"org-{i}"}})
        for i in range(MAX_TARGETS - 2, MAX_TARGETS + 4)
    ]
    statuses = sorted(response.status_code for response in race(calls))
    assert statuses == [201, 201, 422, 422, 422, 422]
    positions = cypher(
        "MATCH (:Person {id: 'ada'})-[t:TARGETS]->() RETURN t.position AS p ORDER BY p"
    )
    assert [row["p"] for row in positions] == list(range(1, MAX_TARGETS + 1))

    shares = race([("PUT", f"{live_server}/v1/me/targets/shares/cora", token, None)] * 4)
    assert [response.status_code for response in shares] == [200] * 4
    assert cypher("MATCH (:Person {id: 'ada'})-[s:SHARES_BOARD]->() RETURN count(s) AS n") == [
        {"n": 1}
    ]
