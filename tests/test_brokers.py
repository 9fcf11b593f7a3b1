"""GET /v1/people/{id}/brokers: mutual connections ranked as introducers — your own rating of
them first, then closeness and how they answered earlier requests, then shared connections —
each with reasons; the brokers' private ratings only order them."""

from __future__ import annotations

import pytest

from tests.support.graph import connect
from tests.support.intros import IntroActions
from tests.support.live import LiveClient


def rate(cypher, rater: str, rated: str, level: str) -> None:
    cypher(
        "MATCH (a:Person {id: $a}), (b:Person {id: $b}) "
        "CREATE (a)-[:CLOSENESS {level: $level, updated_at: datetime()}]->(b)",
        a=rater,
        b=rated,
        level=level,
    )


@pytest.fixture
def network(cypher, client, clock):
    """ada looks for brokers to zed. Six mutual connections, each ranking for a reason:

    liked  ada rates them 'close' (first: your own rating orders first); they rate ada 'known'
    close  rates zed 'close' (and ada 'acquaintance')          2*3 + 1      = 7
    fast   forwarded 2 of 3 earlier requests within 2 hours    4*(2/3-.5)+1 = 1.667
    hub    knows two more of ada's connections                 0 (shared 2)
    plain  nothing known                                       0 (shared 0)
    slow   let the one request they got expire                 4*(0-.5)     = -2
    and one (blocked) who zed blocked, never listed.
    """
    people = IntroActions(client)
    brokers = ("close", "liked", "fast", "hub", "plain", "slow", "blocked")
    for person_id in ("ada", "zed", *brokers, "x1", "x2"):
        people.add(cypher, person_id)
    for broker in brokers:
        connect(cypher, "ada", broker)
        connect(cypher, broker, "zed")
    for extra in ("x1", "x2"):
        connect(cypher, "ada", extra)
        connect(cypher, "hub", extra)
    cypher(
        "MATCH (z:Person {id: 'zed'}), (b:Person {id: 'blocked'}) CREATE (z)-[:BLOCKED {at: datetime()}]->(b)"
    )
    rate(cypher, "close", "zed", "close")
    rate(cypher, "close", "ada", "acquaintance")  # 1 point, but not "well": no reason named
    rate(cypher, "ada", "liked", "close")
    rate(cypher, "liked", "ada", "known")

    def requester_and_target(broker: str, n: int) -> tuple[str, str]:
        requester, target = f"{broker}-r{n}", f"{broker}-t{n}"
        for person_id in (requester, target):
            people.add(cypher, person_id)
            connect(cypher, broker, person_id)
        return requester, target

    # slow's request is asked first and left to expire.
    people.ask(*requester_and_target("slow", 1), "slow")
    clock.advance(days=31)
    # fast answers within two hours: forwards two, declines one; a withdrawn one does not count.
    for n, answer in enumerate(("forward", "forward", "decline", None)):
        requester, target = requester_and_target("fast", n)
        intro_id = people.ask(requester, target, "fast").json["id"]
        clock.advance(hours=2)
        if answer:
            assert people.act("fast", intro_id, answer).status_code == 200
        else:
            assert people.act(requester, intro_id, "withdraw").status_code == 200
    return people


def brokers(people, person_id="ada", target="zed", **query):
    response = people.get(person_id, f"/v1/people/{target}/brokers", **query)
    assert response.status_code == 200, response.json
    return response.json


def test_brokers_are_ranked_by_closeness_responsiveness_then_shared_connections(network):
    items = brokers(network)["items"]
    assert [b["person"]["id"] for b in items] == ["liked", "close", "fast", "hub", "plain", "slow"]
    assert not any("score" in b for b in items)
    by_id = {b["person"]["id"]: b for b in items}
    assert by_id["fast"]["forward_rate"] == pytest.approx(2 / 3)
    assert by_id["fast"]["requests_decided"] == 3
    assert by_id["fast"]["median_answer_hours"] == 2.0
    assert by_id["slow"]["forward_rate"] == 0.0 and by_id["slow"]["median_answer_hours"] is None
    assert by_id["plain"]["forward_rate"] is None and by_id["plain"]["requests_decided"] == 0
    assert (by_id["hub"]["shared_with_you"], by_id["hub"]["shared_with_target"]) == (2, 0)


def test_each_broker_says_why(network):
    reasons = {
        b["person"]["id"]: {r["code"]: r["text"] for r in b["reasons"]}
        for b in brokers(network)["items"]
    }
    # close rated zed 'close': that orders them, and is said nowhere.
    assert reasons["close"] == {"mutual_connection": "1st connection of both you and Zed"}
    assert "knows_you_well" not in reasons["liked"]
    assert reasons["liked"]["your_closeness"] == "You rated them 'close'"
    assert reasons["fast"]["forward_rate"] == "Forwarded 2 of 3 introduction requests"
    assert reasons["fast"]["answer_time"] == "Usually answers within 2 hours (fast)"
    assert reasons["slow"]["forward_rate"] == "Forwarded 0 of 1 introduction requests"
    assert reasons["hub"]["shared_connections"] == "Knows 2 of your connections and 0 of Zed's"
    assert reasons["plain"] == {"mutual_connection": "1st connection of both you and Zed"}


def test_the_brokers_own_ratings_stay_private(network):
    """The order uses them; the answer never carries anything derived from them."""
    close = brokers(network)["items"][1]
    assert close["person"]["id"] == "close"
    text = " ".join(r["text"] for r in close["reasons"]).lower()
    assert "close" not in text and "acquaintance" not in text and "well" not in text
    assert {"score", "level", "knows_target", "knows_you"}.isdisjoint(close)


def test_pages_follow_the_ranking(network):
    first = brokers(network, limit=4)
    second = brokers(network, limit=4, cursor=first["next_cursor"])
    assert [b["person"]["id"] for b in first["items"] + second["items"]] == [
        "liked",
        "close",
        "fast",
        "hub",
        "plain",
        "slow",
    ]
    assert second["next_cursor"] is None


def test_ratings_are_read_from_the_callers_side(network):
    """zed looking for brokers to ada: close knows zed (now the caller) well, ada a little;
    liked knows ada (now the target) and zed rated nobody."""
    ranked = [b["person"]["id"] for b in brokers(network, person_id="zed", target="ada")["items"]]
    assert ranked[:2] == ["close", "liked"]  # 2 * 1 + 3 = 5 before 2 * 2 = 4


def test_refusals(network, cypher):
    assert network.get("ada", "/v1/people/ada/brokers").status_code == 422
    assert network.get("ada", "/v1/people/nobody/brokers").status_code == 404
    cypher(
        "MATCH (a:Person {id: 'ada'}), (z:Person {id: 'zed'}) CREATE (z)-[:BLOCKED {at: datetime()}]->(a)"
    )
    assert network.get("ada", "/v1/people/zed/brokers").status_code == 404
    assert network.get("ada", "/v1/people/x1/brokers", cursor="bogus").status_code == 422
    assert network.client.get("/v1/people/zed/brokers").status_code == 401


def test_no_mutual_connections_is_an_empty_list(network, cypher):
    network.add(cypher, "loner")
    assert brokers(network, target="loner") == {"items": [], "next_cursor": None}


def test_a_recommendation_between_broker_and_either_side_ranks_them_higher(network, cypher):
    """plain (0 points) vouched for zed: an accepted recommendation means they know each other
    (+2 with the target, +1 with you), and the reason says so. hub hid ada's: it vouches for
    nobody."""
    for author, subject, state in (
        ("plain", "zed", "accepted"),
        ("ada", "hub", "hidden"),
        ("slow", "zed", "pending"),
    ):  # pending: not vouched yet
        cypher(
            "MATCH (a:Person {id: $a}), (s:Person {id: $s}) "
            "CREATE (a)-[:WROTE]->(:Recommendation {id: $a + $s, pair: $a + '|' + $s, state: $state, "
            "created_at: datetime()})-[:FOR]->(s)",
            a=author,
            s=subject,
            state=state,
        )
    items = brokers(network)["items"]
    assert [b["person"]["id"] for b in items] == ["liked", "close", "plain", "fast", "hub", "slow"]
    reasons = {b["person"]["id"]: {r["code"] for r in b["reasons"]} for b in items}
    assert "recommendation_target" in reasons["plain"]
    assert "recommendation_you" not in reasons["hub"]
    assert not {"recommendation_target", "recommendation_you"} & reasons["slow"]


@pytest.fixture
def one_broker(live_server, cypher):
    """ada asks for brokers to zed; bob is their one mutual connection (over gunicorn)."""
    people = IntroActions(LiveClient(live_server))
    for person_id in ("ada", "bob", "zed"):
        people.add(cypher, person_id)
    connect(cypher, "ada", "bob")
    connect(cypher, "bob", "zed")
    return people


def _what_ada_sees(people) -> list[str]:
    """Every answer ada gets that could carry bob's standing with zed: raw bodies."""
    return [
        people.get("ada", "/v1/people/zed/brokers").raw.text,
        people.get("ada", "/v1/people/zed/brokers", limit=1).raw.text,
        people.get("ada", "/v1/people/zed").raw.text,
        people.get("ada", "/v1/people/bob").raw.text,
    ]


@pytest.mark.parametrize("rated", ["zed", "ada"])
def test_a_brokers_private_rating_cannot_be_recovered_by_the_asker(one_broker, rated):
    """bob rates zed (or ada) at every level in turn: ada's answers stay byte for byte the
    same, so no score, reason or cursor carries the rating."""
    seen = [_what_ada_sees(one_broker)]
    for level in ("acquaintance", "known", "close"):
        response = one_broker.put(
            "bob", f"/v1/me/connections/{rated}/closeness", {"closeness": level}
        )
        assert response.status_code == 200, response.json
        seen.append(_what_ada_sees(one_broker))
    assert all(answers == seen[0] for answers in seen[1:])


def test_a_hidden_recommendation_does_not_vouch(one_broker):
    before = _what_ada_sees(one_broker)
    rec = one_broker.post(
        "bob",
        "/v1/people/zed/recommendations",
        {"relationship": "worked_together", "text": "Zed ships careful work, every single time."},
    ).json
    assert one_broker.post("zed", f"/v1/me/recommendations/{rec['id']}/accept").status_code == 200
    vouched = one_broker.get("ada", "/v1/people/zed/brokers").json["items"][0]
    assert "recommendation_target" in {r["code"] for r in vouched["reasons"]}
    assert one_broker.post("zed", f"/v1/me/recommendations/{rec['id']}/hide").status_code == 200
    assert _what_ada_sees(one_broker)[:2] == before[:2]
